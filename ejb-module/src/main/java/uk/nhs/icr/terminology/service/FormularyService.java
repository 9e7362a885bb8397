package uk.nhs.icr.terminology.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.Medicine;

/**
 * The coded formulary: ICR's medicines table in the shape of dm+d (moiety and product), with each medicine's therapeutic
 * group, allergy classes, usual maximum daily dose and flags, and the interactions between them. A release is imported as
 * CSV (one row per product; a real deployment loads the national dm+d release this way): every row is checked first and any
 * faulty one refuses the whole file, line by line; then products are added or revised by name (or dm+d code) in chunks,
 * all in one transaction, so a failed import changes nothing.
 */
@Stateless
public class FormularyService {

    private static final Logger LOG = Logger.getLogger(FormularyService.class.getName());

    /** The columns of a release, in any order; the first seven are required on every row. */
    static final List<String> COLUMNS = List.of("vtm", "name", "form", "route", "dose_unit", "strength", "dmd_code",
            "therapeutic_group", "allergy_classes", "max_daily_dose", "time_critical", "controlled_drug");
    static final List<String> REQUIRED = List.of("vtm", "name", "form", "route", "dose_unit");
    /** Products written per flush: a national release has tens of thousands. */
    static final int CHUNK = 500;
    /** More faults than this are not listed one by one. */
    static final int MOST_FAULTS = 50;

    public record Imported(int added, int revised) implements Serializable {
    }

    public record InteractionTerm(String medicine, String with, String severity, String advice) implements Serializable {
    }

    private record Row(int line, String dmdCode, String moiety, String name, String form, String strength, String route, String doseUnit,
                       String group, Set<String> classes, BigDecimal maxDaily, boolean timeCritical, boolean controlled) {
    }

    @Inject
    CodedTerms codes;

    @Inject
    CurrentCaller currentCaller;

    /** The interactions among these medicines (by their names in the formulary), each pair once with its severity and advice. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InteractionTerm> interactionsAmong(List<String> medicineNames) {
        List<Medicine> medicines = codes.medicinesNamed(medicineNames);
        return codes.interactionsAmong(medicines).stream()
                .map(found -> new InteractionTerm(found.one().name(), found.other().name(), Codes.of(found.interaction().severity()),
                        found.interaction().advice()))
                .toList();
    }

    /** An administrator imports a release (CSV with a header naming its columns). */
    @AccessDecidedInside("reference data, no patient: administrators only")
    public Imported importRelease(InputStream csv) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !caller.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("Administrators import the formulary", false);
        }
        List<Row> rows = read(csv);
        int added = 0;
        int revised = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(from + CHUNK, rows.size()));
            Map<String, Medicine> existing = new HashMap<>();
            codes.medicinesNamed(chunk.stream().map(Row::name).toList())
                    .forEach(medicine -> existing.put(medicine.name().toLowerCase(Locale.ROOT), medicine));
            for (Row row : chunk) {
                Medicine medicine = existing.get(row.name().toLowerCase(Locale.ROOT));
                if (medicine == null && row.dmdCode() != null) {
                    medicine = codes.medicineWithDmdCode(row.dmdCode()).orElse(null);
                }
                if (medicine == null) {
                    medicine = new Medicine(row.dmdCode(), row.moiety(), row.name(), row.form(), row.strength(), row.route(), row.doseUnit());
                    codes.add(medicine);
                    added++;
                } else {
                    revised++;
                }
                medicine.revise(row.dmdCode(), row.moiety(), row.form(), row.strength(), row.route(), row.doseUnit(), row.group(),
                        row.classes(), row.maxDaily(), row.timeCritical(), row.controlled());
            }
            codes.flushAndClear();
        }
        int addedCount = added;
        int revisedCount = revised;
        LOG.info(() -> "Formulary release imported: " + addedCount + " products added, " + revisedCount + " revised");
        return new Imported(added, revised);
    }

    /** Every row parsed and checked; a fault anywhere refuses the file, each fault named by its line. */
    private static List<Row> read(InputStream csv) {
        List<Row> rows = new ArrayList<>();
        List<FieldError> faults = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                     .get().parse(reader)) {
            List<String> missing = REQUIRED.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.of("file", "the header lacks " + String.join(", ", missing) + "; the columns are "
                        + String.join(", ", COLUMNS));
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                try {
                    Row row = row(record, line);
                    if (!names.add(row.name().toLowerCase(Locale.ROOT))) {
                        throw new IllegalArgumentException(row.name() + " is listed twice");
                    }
                    rows.add(row);
                } catch (IllegalArgumentException e) {
                    if (faults.size() < MOST_FAULTS) {
                        faults.add(new FieldError("line " + line, e.getMessage()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of("file", "not a readable CSV file");
        } catch (IllegalStateException e) {
            throw InvalidInputException.of("file", "not a readable CSV file: " + e.getMessage());
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults);
        }
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "no products: a release has a header line and a row per product");
        }
        return rows;
    }

    private static Row row(CSVRecord record, int line) {
        Map<String, String> values = new HashMap<>();
        for (String column : COLUMNS) {
            String value = record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
            values.put(column, value.isEmpty() ? null : value);
        }
        for (String column : REQUIRED) {
            if (values.get(column) == null) {
                throw new IllegalArgumentException(column + " is empty");
            }
        }
        BigDecimal maxDaily = null;
        if (values.get("max_daily_dose") != null) {
            try {
                maxDaily = new BigDecimal(values.get("max_daily_dose"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("max_daily_dose is not a number: " + values.get("max_daily_dose"));
            }
            if (maxDaily.signum() <= 0) {
                throw new IllegalArgumentException("max_daily_dose must be more than 0");
            }
        }
        Set<String> classes = new LinkedHashSet<>();
        if (values.get("allergy_classes") != null) {
            for (String allergyClass : values.get("allergy_classes").split(";")) {
                if (!allergyClass.isBlank()) {
                    classes.add(allergyClass.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (values.get("name").length() > 300 || values.get("vtm").length() > 200) {
            throw new IllegalArgumentException("a name of at most 300 characters and a moiety of at most 200");
        }
        return new Row(line, values.get("dmd_code"), values.get("vtm"), values.get("name"), values.get("form"), values.get("strength"),
                values.get("route"), values.get("dose_unit"), values.get("therapeutic_group"), classes, maxDaily,
                yes(values.get("time_critical"), "time_critical"), yes(values.get("controlled_drug"), "controlled_drug"));
    }

    private static boolean yes(String value, String column) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException(column + " is yes or no, not " + value);
        };
    }
}
