package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;

/**
 * A JSON text column as a Java value: subclass with the value's type, e.g.
 * {@code class PlacesColumn extends JsonColumn<List<Place>> { PlacesColumn() { super(new TypeReference<>() {}); } }}
 * and annotate the field with {@code @Convert(converter = PlacesColumn.class)}. Dates are written as ISO text, as the
 * REST answers write them.
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final TypeReference<T> type;

    protected JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column value of " + value.getClass().getName(), e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not read as " + type.getType(), e);
        }
    }

    /**
     * Free-form JSON as a Jackson tree. Treat a read value as immutable: a changed tree is a changed column. Declared
     * immutable to Hibernate, so it keeps the tree itself as the entity's snapshot instead of a deep copy made by
     * writing and reading the JSON again (a changed column is still found: the new tree is not equal to the old).
     */
    @org.hibernate.annotations.Mutability(org.hibernate.type.descriptor.java.Immutability.class)
    public static class Tree extends JsonColumn<com.fasterxml.jackson.databind.JsonNode> {
        public Tree() {
            super(new TypeReference<>() {
            });
        }
    }
}
