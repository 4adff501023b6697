package bench.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The one entity: a check that was answered ("check" is a reserved word in H2, hence the table name). */
@Entity
@Table(name = "bare_check")
public class Check extends PanacheEntity {
    public String route;
}
