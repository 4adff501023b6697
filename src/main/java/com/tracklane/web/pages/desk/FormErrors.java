package com.tracklane.web.pages.desk;

import com.tracklane.common.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a form sent back to its page: each one names the form field it belongs to (mapped from the field
 * path of the service's {@link FieldError}, the same path the JSON API's problem lists) and a message key, so the
 * page shows an error summary at the top and each message next to its field, in the visitor's language.
 */
public final class FormErrors {

    /** One problem: the form field's id (the summary links to it), its label's key and the message's key. */
    public record Entry(String field, String labelKey, String messageKey) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** No problems. */
    public static FormErrors none() {
        return new FormErrors();
    }

    /** Adds a problem for {@code field} unless it already has one. */
    public FormErrors add(String field, String labelKey, String messageKey) {
        entries.putIfAbsent(field, new Entry(field, labelKey, messageKey));
        return this;
    }

    /**
     * The service's field errors mapped to form fields: {@code fields} maps a field path (or its first segment) of the
     * request body to a form field; a path no form field carries goes to {@code fallbackField}.
     */
    public static FormErrors of(List<FieldError> errors, Map<String, FormField> fields, FormField fallback) {
        FormErrors out = new FormErrors();
        for (FieldError e : errors) {
            FormField f = fields.get(e.field());
            if (f == null && e.field() != null) {
                String path = e.field();
                while (f == null && (path.contains(".") || path.contains("["))) {
                    path = path.substring(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('[')));
                    f = fields.get(path);
                }
            }
            f = f == null ? fallback : f;
            out.add(f.id(), f.labelKey(), f.messageKey());
        }
        return out;
    }

    /** A form field: its id in the page, the key of its label and of the message shown when it is refused. */
    public record FormField(String id, String labelKey, String messageKey) {
    }

    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return entries.containsKey(field);
    }

    /** The message key of a field's problem, or null. */
    public String key(String field) {
        Entry e = entries.get(field);
        return e == null ? null : e.messageKey();
    }

    public List<Entry> getList() {
        return new ArrayList<>(entries.values());
    }
}
