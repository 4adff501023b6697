package com.tracklane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds personal data of the test applicants in log text: their names, passport numbers, dates of birth and e-mail
 * addresses. The values are collected from the tests and examples themselves ({@link #fromSources}), so a new test
 * with a new applicant is covered without editing a list, plus patterns for generated values (passport numbers such
 * as {@code D0000017}, any address {@code …@example.com}).
 */
public final class PersonalDataScanner {

    /** JSON text ({@code "givenName": "Sokha"}) or Java ({@code .put("givenName", "Sokha")}) in a source file. */
    private static final Pattern FIELD = Pattern.compile(
            "\\\\?\"(givenName|familyName|passportNumber|email|dateOfBirth)\\\\?\"\\s*[:,]\\s*\\\\?\"([^\"\\\\%]{2,80})\\\\?\"");
    /** Passport numbers the tests generate: a capital letter and 7 or 8 digits (N01234567, D0000017, B0000003). */
    static final Pattern PASSPORT = Pattern.compile("\\b[A-Z][0-9]{7,8}\\b");
    static final Pattern EXAMPLE_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.com\\b");

    /** Names shorter than this are not searched for on their own (too likely to occur by chance). */
    static final int MIN_NAME_LENGTH = 3;

    private final Set<String> values;

    public PersonalDataScanner(Set<String> values) {
        this.values = Set.copyOf(values);
    }

    public Set<String> values() {
        return values;
    }

    /** A scanner for the personal values written in the given source files and folders (recursively). */
    public static PersonalDataScanner fromSources(Path... roots) {
        Set<String> found = new LinkedHashSet<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(java|json|md|yaml|yml|http|sh)$")).toList()) {
                    found.addAll(valuesIn(Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PersonalDataScanner(found);
    }

    /** The personal values assigned to applicant fields in a text. */
    public static Set<String> valuesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            String field = m.group(1);
            String value = m.group(2).strip();
            boolean name = field.equals("givenName") || field.equals("familyName");
            if (value.isEmpty() || (name && value.length() < MIN_NAME_LENGTH) || !value.matches(".*\\p{L}.*|.*\\d.*")) {
                continue;
            }
            if (field.equals("email") && !value.contains("@")) {
                continue;
            }
            if (field.equals("dateOfBirth") && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            out.add(value);
        }
        return out;
    }

    /** Every occurrence of personal data in {@code text}, as {@code line N: what}. */
    public List<String> scan(String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        List<Pattern> literal = values.stream()
                .map(v -> Pattern.compile((Character.isLetterOrDigit(v.charAt(0)) ? "\\b" : "") + Pattern.quote(v)
                        + (Character.isLetterOrDigit(v.charAt(v.length() - 1)) ? "\\b" : "")))
                .toList();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern p : literal) {
                if (p.matcher(line).find()) {
                    findings.add("line " + (i + 1) + ": " + p.pattern().replace("\\Q", "").replace("\\E", "").replace("\\b", ""));
                }
            }
            Matcher passport = PASSPORT.matcher(line);
            while (passport.find()) {
                findings.add("line " + (i + 1) + ": passport-like " + passport.group());
            }
            Matcher email = EXAMPLE_EMAIL.matcher(line);
            while (email.find()) {
                findings.add("line " + (i + 1) + ": e-mail " + email.group());
            }
        }
        return findings;
    }

    /**
     * Every cell of every table of the connection's current schema that holds one of the values (as a whole word, in
     * any case), as {@code table.column: value}: the database counterpart of the log scan. Only the literal values are
     * searched (not the generated-passport and e-mail patterns, which other applicants' rows match).
     */
    public List<String> scanTables(Connection db) throws SQLException {
        List<Pattern> literal = values.stream()
                .map(v -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        List<String> tables = new ArrayList<>();
        try (ResultSet t = db.getMetaData().getTables(null, db.getSchema(), "%", new String[] {"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_NAME"));
            }
        }
        List<String> findings = new ArrayList<>();
        for (String table : tables) {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String cell = r.getString(c);
                        if (cell == null) {
                            continue;
                        }
                        for (Pattern p : literal) {
                            if (p.matcher(cell).find()) {
                                findings.add(table + "." + meta.getColumnName(c) + ": " + p.pattern());
                            }
                        }
                    }
                }
            }
        }
        return findings;
    }

    public List<String> scan(Path file) {
        try {
            return scan(Files.readString(file, StandardCharsets.UTF_8)).stream().map(f -> file.getFileName() + " " + f).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
