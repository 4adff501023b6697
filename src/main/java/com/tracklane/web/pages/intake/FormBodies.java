package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The API's application body from the intake form: inputs by their paths, blank ones left out, groups with nothing
 * typed left out, numbers and yes/no typed as JSON when they read as such (otherwise the text goes to the request
 * schema, whose problem then names the input).
 */
final class FormBodies {

    private FormBodies() {
    }

    /** The API's application body ({@code applicant}, {@code request}) from what was typed. */
    static ObjectNode body(ApplicationForm form, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode applicant = body.putObject("applicant");
        for (String n : ApplicationForm.APPLICANT) {
            String v = form.v("applicant." + n);
            if (!v.isEmpty()) {
                applicant.put(n, v);
            }
        }
        body.set("request", request(form, mapper));
        return body;
    }

    /** The trip as an eligibility request, without knownAt (an application never has one). */
    static ObjectNode request(ApplicationForm form, ObjectMapper mapper) {
        ObjectNode request = mapper.createObjectNode();
        for (String n : ApplicationForm.TRIP) {
            if (!n.equals("traveller.recentCountries")) {
                put(request, n, form.v("request." + n));
            }
        }
        String declared = form.v(ApplicationForm.RECENT_DECLARED);
        if (declared.equals("none") || declared.equals("list")) {
            ObjectNode traveller = request.has("traveller") ? (ObjectNode) request.get("traveller") : request.putObject("traveller");
            ArrayNode codes = traveller.putArray("recentCountries");
            if (declared.equals("list")) {
                for (String c : form.v(ApplicationForm.RECENT).split(",")) {
                    if (!c.isBlank()) {
                        codes.add(c);
                    }
                }
            }
        }
        rows(form, request.putArray("itinerary"), "request.itinerary", ApplicationForm.LEG, form.getLegs());
        if (form.getTransits() > 0) {
            rows(form, request.putArray("transits"), "request.transits", ApplicationForm.TRANSIT, form.getTransits());
            if (request.get("transits").isEmpty()) {
                request.remove("transits");
            }
        }
        if (form.getPlaces() > 0) {
            ObjectNode schedule = request.has("activitySchedule") ? (ObjectNode) request.get("activitySchedule") : request.putObject("activitySchedule");
            rows(form, schedule.putArray("places"), "request.activitySchedule.places", ApplicationForm.PLACE, form.getPlaces());
            if (schedule.get("places").isEmpty()) {
                schedule.remove("places");
                if (schedule.isEmpty()) {
                    request.remove("activitySchedule");
                }
            }
        }
        return request;
    }

    /** Rows up to the last one with anything typed (empty rows before it stay, so positions match the page). */
    private static void rows(ApplicationForm form, ArrayNode array, String list, List<String> fields, int count) {
        int last = -1;
        for (int i = 0; i < count; i++) {
            for (String f : fields) {
                if (!form.v(list + "[" + i + "]." + f).isEmpty()) {
                    last = i;
                }
            }
        }
        for (int i = 0; i <= last; i++) {
            ObjectNode row = array.addObject();
            for (String f : fields) {
                String v = form.v(list + "[" + i + "]." + f);
                if (!v.isEmpty()) {
                    row.set(f, typed(f, v, row));
                }
            }
        }
    }

    private static void put(ObjectNode root, String dotted, String value) {
        if (value.isEmpty()) {
            return;
        }
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        String name = parts[parts.length - 1];
        node.set(name, typed(name, value, node));
    }

    /** Numbers and yes/no as JSON numbers and booleans when they read as such; else the text (the schema says why). */
    private static JsonNode typed(String name, String value, ObjectNode factory) {
        if (ApplicationForm.NUMBERS.contains(name)) {
            try {
                BigDecimal number = new BigDecimal(value.replace(',', '.'));
                if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) < 0) {
                    return factory.numberNode(number.longValueExact());
                }
                return factory.numberNode(number);
            } catch (NumberFormatException | ArithmeticException notANumber) {
                return factory.textNode(value);
            }
        }
        if (ApplicationForm.BOOLEANS.contains(name) && (value.equals("true") || value.equals("false"))) {
            return factory.booleanNode(Boolean.parseBoolean(value));
        }
        return factory.textNode(value);
    }

    static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                node = node.path(part.substring(0, bracket)).path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            } else {
                node = node.path(part);
            }
        }
        return node;
    }
}
