package com.tracklane.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The airports known to the service, loaded once from {@code reference/airports.csv}
 * (Open Travel Data, CC BY; see {@code reference/AIRPORTS-SOURCE.md}).
 */
public final class AirportDirectory {

    public static final String RESOURCE = "reference/airports.csv";

    private static final AirportDirectory DEFAULT = load();

    private final Map<String, Airport> byCode;

    private AirportDirectory(Map<String, Airport> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static AirportDirectory standard() {
        return DEFAULT;
    }

    public Optional<Airport> find(String iata) {
        return iata == null ? Optional.empty() : Optional.ofNullable(byCode.get(iata));
    }

    /** Every airport of the reference list (for suggestions and searches by name). */
    public java.util.Collection<Airport> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    private record Row(String iata, String country, String timezone, String name, String city) {
    }

    private static AirportDirectory load() {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, Airport> airports = new HashMap<>(16_384);
        try (InputStream in = AirportDirectory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            MappingIterator<Row> rows = mapper.readerFor(Row.class).with(schema).readValues(in);
            while (rows.hasNext()) {
                Row row = rows.next();
                airports.put(row.iata(), new Airport(row.iata(), row.country(), ZoneId.of(row.timezone()), row.name(), row.city()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new AirportDirectory(airports);
    }
}
