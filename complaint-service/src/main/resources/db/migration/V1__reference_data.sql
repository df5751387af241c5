-- Reference data of complaint handling, kept as data so that a new category, branch or holiday is a row,
-- not a code change (DOMAIN.md: handling by category, complaint service levels, working-day calendars).

-- PIPP service levels. First response counts working minutes within service hours; resolution counts
-- working days ("within N working days" ends at the close of service hours on the Nth working day).
CREATE TABLE service_level (
    code                     text PRIMARY KEY,
    first_response_minutes   int  NOT NULL CHECK (first_response_minutes > 0),
    resolution_working_days  int  NOT NULL CHECK (resolution_working_days > 0),
    description              text NOT NULL
);
INSERT INTO service_level VALUES
    ('RED',    30,  1, 'emergency: respond within 30 minutes, resolve in 1 working day'),
    -- PIPP sets no first-response time for yellow and green; one working day (420 service minutes) is ours.
    ('YELLOW', 420, 5, 'resolve in 5 working days'),
    ('GREEN',  420, 10, 'resolve in 10 working days');

-- Where a complaint can be escalated to, by hand or by the ladder.
CREATE TABLE escalation_unit (
    code        text PRIMARY KEY,
    description text NOT NULL
);
INSERT INTO escalation_unit VALUES
    ('SUPERVISOR', 'branch supervisor (first step of the ladder)'),
    ('BRANCH_HEAD', 'branch head (second step of the ladder)'),
    ('MEMBERSHIP_UNIT', 'membership and participant data unit'),
    ('COLLECTION_UNIT', 'contribution collection unit'),
    ('HOSPITAL_LIAISON', 'hospital liaison officer (BPJS SATU!)'),
    ('REGIONAL_OFFICE', 'regional office (kedeputian wilayah)');

-- SOP categories. A required document entry "A|B" is met by either A or B.
CREATE TABLE complaint_category (
    code               text   PRIMARY KEY,
    name               text   NOT NULL,
    required_documents text[] NOT NULL,
    service_level      text   NOT NULL REFERENCES service_level (code),
    escalation_unit    text   NOT NULL REFERENCES escalation_unit (code),
    action             text   NOT NULL
);
INSERT INTO complaint_category VALUES
    ('DECEASED_DEACTIVATION', 'deactivation of a deceased participant',
        '{DEATH_CERTIFICATE,JKN_CARD|KTP,FAMILY_CARD}', 'YELLOW', 'MEMBERSHIP_UNIT',
        'membership: deactivate as of the date of death'),
    ('ARREARS_REACTIVATION', 'arrears / reactivation (PBPU)',
        '{JKN_CARD|NIK}', 'YELLOW', 'COLLECTION_UNIT',
        'explain the amount; payment reactivates automatically'),
    ('DATA_CORRECTION', 'data correction (NIK / name mismatch)',
        '{KTP,FAMILY_CARD}', 'YELLOW', 'MEMBERSHIP_UNIT',
        'membership: correction; civil-registry sync'),
    ('CHANGE_OF_CLASS_OR_FACILITY', 'change of class / facility (FKTP)',
        '{JKN_CARD}', 'GREEN', 'MEMBERSHIP_UNIT', 'membership: change class or facility'),
    ('REGISTRATION', 'new registration / add family member',
        '{KTP,FAMILY_CARD}', 'GREEN', 'MEMBERSHIP_UNIT', 'membership: register'),
    ('HEALTH_SERVICE_COMPLAINT', 'service complaint about a hospital, clinic or drug',
        '{JKN_CARD,SUPPORTING_EVIDENCE}', 'RED', 'HOSPITAL_LIAISON', 'record, escalate to the right unit'),
    ('INFORMATION', 'information only',
        '{}', 'GREEN', 'SUPERVISOR', 'answer, educate on channels'),
    -- Not an SOP category of the seed: the follow-up of a low satisfaction rating (closing the loop).
    ('SATISFACTION_FOLLOW_UP', 'follow-up of a low satisfaction rating',
        '{}', 'YELLOW', 'SUPERVISOR', 'call the participant back, find the cause');

-- Digital channels a participant can be taught (DOMAIN.md, digital channels).
CREATE TABLE digital_channel (
    code        text PRIMARY KEY,
    description text NOT NULL
);
INSERT INTO digital_channel VALUES
    ('PANDAWA', 'Pelayanan Administrasi melalui WhatsApp, 0811-8165-165'),
    ('MOBILE_JKN', 'Mobile JKN app'),
    ('CARE_CENTER_165', 'Care Center 165, 24-hour phone line'),
    ('I_CARE_JKN', 'i-Care JKN'),
    ('BPJS_WEBSITE', 'BPJS Kesehatan website'),
    ('VIKA_CHATBOT', 'VIKA chatbot');

-- Branches, their service hours and their working-day calendar.
CREATE TABLE branch (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    zone_id text NOT NULL
);
INSERT INTO branch VALUES ('SDA', 'Kantor Cabang Sidoarjo', 'Asia/Jakarta');

-- One row per open weekday (ISO day of week, 1 = Monday); a day without a row is closed.
CREATE TABLE branch_service_hours (
    branch_code text NOT NULL REFERENCES branch (code),
    day_of_week int  NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens_at    time NOT NULL,
    closes_at   time NOT NULL CHECK (closes_at > opens_at),
    PRIMARY KEY (branch_code, day_of_week)
);
INSERT INTO branch_service_hours
SELECT 'SDA', d, '08:00', '15:00' FROM generate_series(1, 5) AS d;

-- Days a branch is closed: national holidays, collective leave (cuti bersama) and regional holidays.
CREATE TABLE branch_holiday (
    branch_code  text NOT NULL REFERENCES branch (code),
    holiday_date date NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('NATIONAL', 'CUTI_BERSAMA', 'REGIONAL')),
    name         text NOT NULL,
    PRIMARY KEY (branch_code, holiday_date)
);
-- Indonesia 2026 (SKB 3 Menteri on national holidays and collective leave for 2026).
INSERT INTO branch_holiday (branch_code, holiday_date, kind, name) VALUES
    ('SDA', '2026-01-01', 'NATIONAL', 'Tahun Baru Masehi'),
    ('SDA', '2026-01-16', 'NATIONAL', 'Isra Mikraj Nabi Muhammad SAW'),
    ('SDA', '2026-02-16', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek'),
    ('SDA', '2026-02-17', 'NATIONAL', 'Tahun Baru Imlek 2577'),
    ('SDA', '2026-03-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi'),
    ('SDA', '2026-03-19', 'NATIONAL', 'Hari Suci Nyepi, Tahun Baru Saka 1948'),
    ('SDA', '2026-03-20', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri'),
    ('SDA', '2026-03-21', 'NATIONAL', 'Idul Fitri 1447 H'),
    ('SDA', '2026-03-22', 'NATIONAL', 'Idul Fitri 1447 H'),
    ('SDA', '2026-03-23', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri'),
    ('SDA', '2026-03-24', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri'),
    ('SDA', '2026-04-03', 'NATIONAL', 'Wafat Yesus Kristus'),
    ('SDA', '2026-04-05', 'NATIONAL', 'Kebangkitan Yesus Kristus (Paskah)'),
    ('SDA', '2026-05-01', 'NATIONAL', 'Hari Buruh Internasional'),
    ('SDA', '2026-05-14', 'NATIONAL', 'Kenaikan Yesus Kristus'),
    ('SDA', '2026-05-15', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus'),
    ('SDA', '2026-05-27', 'NATIONAL', 'Idul Adha 1447 H'),
    ('SDA', '2026-05-28', 'CUTI_BERSAMA', 'Cuti bersama Idul Adha'),
    ('SDA', '2026-05-31', 'NATIONAL', 'Hari Raya Waisak 2570 BE'),
    ('SDA', '2026-06-01', 'NATIONAL', 'Hari Lahir Pancasila'),
    ('SDA', '2026-06-16', 'NATIONAL', 'Tahun Baru Islam 1448 H'),
    ('SDA', '2026-08-17', 'NATIONAL', 'Hari Kemerdekaan Republik Indonesia'),
    ('SDA', '2026-08-25', 'NATIONAL', 'Maulid Nabi Muhammad SAW'),
    ('SDA', '2026-12-24', 'CUTI_BERSAMA', 'Cuti bersama Hari Raya Natal'),
    ('SDA', '2026-12-25', 'NATIONAL', 'Hari Raya Natal');

-- Reference numbers: one counter per branch and business date, drawn in the registration's transaction.
-- Not a projection (not rebuilt): the numbers it gave out live on in the events.
CREATE TABLE complaint_reference_counter (
    branch_code   text NOT NULL,
    business_date date NOT NULL,
    last_sequence int  NOT NULL,
    PRIMARY KEY (branch_code, business_date)
);

-- The reporter's contact (name, phone, e-mail) is personal data: kept here, never in an event.
CREATE TABLE complaint_contact (
    complaint_id uuid PRIMARY KEY,
    name         text,
    phone        text,
    email        text
);
