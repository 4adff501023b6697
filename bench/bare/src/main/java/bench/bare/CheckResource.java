package bench.bare;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The one endpoint: reads a small JSON body and answers a small JSON (the start-up bench's first answered request). */
@Path("/api/v1/eligibility")
public class CheckResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> check(Map<String, Object> body) {
        return Map.of("decision", "ELIGIBLE", "fields", body.size(), "checks", Check.count());
    }
}
