-- NHS England's monthly RTT statistics as published (issue 14): the "Full CSV" of a month, summed over commissioners,
-- one row per provider, RTT part and treatment function as the file names them (C_100 ..., X02-X06, and C_999, the
-- provider's total over every function: never added to the others). week_bands: the 105 weekly band counts
-- (0-1 ... 103-104, 104+), comma-separated. A month imported again replaces its rows.
CREATE TABLE rtt_published (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period               date          NOT NULL CHECK (extract(day FROM period) = 1),
    provider_code        varchar(10)   NOT NULL,
    provider_name        varchar(200)  NOT NULL,
    part_type            varchar(10)   NOT NULL CHECK (part_type IN ('Part_1A', 'Part_1B', 'Part_2', 'Part_2A', 'Part_3')),
    treatment_function   varchar(10)   NOT NULL,
    week_bands           varchar(2000) NOT NULL,
    total                bigint        NOT NULL CHECK (total >= 0),
    unknown_clock_start  bigint        NOT NULL CHECK (unknown_clock_start >= 0),
    total_all            bigint        NOT NULL,
    CONSTRAINT rtt_published_uk UNIQUE (period, treatment_function, part_type, provider_code)
);

-- Which months were imported, when, by whom, from how many rows.
CREATE TABLE rtt_published_import (
    period        date          PRIMARY KEY,
    file_rows     bigint        NOT NULL,
    imported_at   timestamptz   NOT NULL,
    imported_by   varchar(64)   NOT NULL
);
