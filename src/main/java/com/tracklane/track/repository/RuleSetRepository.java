package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The stored rule sets ({@link RuleSetRecord}, by id). */
@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSetRecord, String> {
}
