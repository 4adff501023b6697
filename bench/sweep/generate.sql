-- N active monitorings (resident-kh-jp, arrived 2020-09-15 07:30 JST: check-ins required on days 1..14), each with
-- check-ins on days 1..4 except where (traveller + day) % 10 = 0, i.e. about one day in ten missed.
-- ${RANGE_G} and ${RANGE_D} are the row generators of the database (generate_series / SYSTEM_RANGE), column x.
INSERT INTO travel_application (id, reference, status, track, origin, destination, rule_set_id, given_name, family_name,
    passport_number, nationality, date_of_birth, email, request_json, submitted_by, org, submitted_at, updated_at, version)
SELECT 'b-app-' || g.x, 'BENCH-' || g.x, 'APPROVED', 'RESIDENT', 'KH', 'JP', 'resident-kh-jp', 'Bench', 'Traveller',
    'B' || g.x, 'KH', DATE '1990-01-01', 'bench@example.com', '{}', 'bench', 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1
FROM ${RANGE_G};

INSERT INTO compliance_monitoring (id, application_id, rule_set_id, rule_set_version, zone, airport, arrived_at, arrival_date, arrival_day,
    quarantine_address, quarantine_lat, quarantine_lon, arrival_hash, report_from_day, report_until_day, report_citation,
    ends_on, status, windows_json, places_json, created_by, created_at)
SELECT 'b-mon-' || g.x, 'b-app-' || g.x, 'resident-kh-jp', 2, 'Asia/Tokyo', 'NRT', TIMESTAMP WITH TIME ZONE '2020-09-14 22:30:00+00',
    DATE '2020-09-15', 18520, 'Registered address', 35.68, 139.76, 'h', 1, 14,
    '{"ruleSetId":"resident-kh-jp","version":2,"obligation":"DAILY_HEALTH_REPORT"}', DATE '2020-09-29', 'ACTIVE', '[]',
    '[{"name":"Quarantine address","address":"Registered address","lat":35.68,"lon":139.76}]', 'bench', CURRENT_TIMESTAMP
FROM ${RANGE_G};

INSERT INTO compliance_check_in (id, monitoring_id, at, local_date, temperature_c, symptoms, lat, lon, transport, received_at,
    submitted_by, request_hash)
SELECT 'b-ci-' || g.x || '-' || d.x, 'b-mon-' || g.x, TIMESTAMP WITH TIME ZONE '2020-09-15 00:00:00+00', DATE '2020-09-15' + CAST(d.x AS INTEGER),
    36.5, '', 35.68, 139.76, 'NONE', CURRENT_TIMESTAMP, 'bench', 'h'
FROM ${RANGE_G} CROSS JOIN ${RANGE_D}
WHERE MOD(g.x + d.x, 10) <> 0;

ANALYZE;
