package com.tracklane.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Languages;
import com.tracklane.eligibility.service.EligibilityService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor of the HTTP benchmark (bench/http/run), present only with {@code tracklane.bench.floor.enabled=true}
 * (default false: then {@value #PATH} is a 404 like any unknown path). Same stack as {@code POST /api/v1/eligibility}
 * — same JSON body read and parsed, same language negotiation — but no validation, no evaluation and no
 * serialisation: it answers the bytes of the real answer to the same body, remembered the first time that body is
 * seen (the benchmark warms up on its whole mix first), so the response has exactly the same size.
 */
@Path(FloorResource.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    public static final String PATH = "/bench/floor/eligibility";
    public static final String ENABLED_PROPERTY = "tracklane.bench.floor.enabled";
    private static final int MAX_REMEMBERED = 1024;

    private final EligibilityService service;
    private final ObjectMapper mapper;
    private final Map<Key, byte[]> answers = new ConcurrentHashMap<>();

    public FloorResource(EligibilityService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    private record Key(ByteBuffer body, String language) {
    }

    @POST
    public Response floor(byte[] bytes, HttpHeaders headers) throws JsonProcessingException {
        String language = Languages.pick(headers.getAcceptableLanguages());
        JsonNode body = JsonBodies.parse(mapper, bytes);
        Key key = new Key(ByteBuffer.wrap(bytes), language);
        byte[] answer = answers.get(key);
        if (answer == null) {
            answer = mapper.writeValueAsBytes(service.check(body, language));
            if (answers.size() < MAX_REMEMBERED) {
                answers.put(key, answer);
            }
        }
        return Response.ok(answer).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }
}
