package com.tracklane.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeSet;

/**
 * TEST ONLY (src/test): one protected endpoint per role, standing in for the application's endpoints in the
 * security tests. Not part of the contract.
 */
@Path("/test/protected")
public class ProtectedTestResource {

    private final SecurityIdentity identity;

    public ProtectedTestResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/" + Roles.INTAKE)
    @RolesAllowed(Roles.INTAKE)
    @Produces(MediaType.TEXT_PLAIN)
    public String intake() {
        return hello();
    }

    @GET
    @Path("/" + Roles.OFFICER)
    @RolesAllowed(Roles.OFFICER)
    @Produces(MediaType.TEXT_PLAIN)
    public String officer() {
        return hello();
    }

    @GET
    @Path("/" + Roles.MONITOR)
    @RolesAllowed(Roles.MONITOR)
    @Produces(MediaType.TEXT_PLAIN)
    public String monitor() {
        return hello();
    }

    @GET
    @Path("/" + Roles.RULES_ADMIN)
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String rulesAdmin() {
        return hello();
    }

    /** Who the token says the caller is. */
    @GET
    @Path("/whoami")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> whoami() {
        return Map.of("name", identity.getPrincipal().getName(), "roles", new TreeSet<>(identity.getRoles()));
    }

    private String hello() {
        return "hello " + identity.getPrincipal().getName();
    }
}
