package uk.nhs.icr.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;

/**
 * Generates synthetic patients: NHS numbers counted up from 999 000 000 with valid check digits (the 999
 * range is never issued to real people), names common in England, dates of birth from 1930 on,
 * postcodes shaped like real ones and a handful of GP practices. The same seed gives the same people.
 * <p>
 * The first {@link #DEMO_REGISTER} patients are the demo register, spread over the six demo practices whose GPs
 * sign in. A larger register (the bulk loader's, up to a million) goes on in practices of realistic size
 * ({@link #LIST_SIZE} patients each, codes from Y91000), so that a practice's list does not grow with the country's
 * population; and past the 999 range's 909,090 valid numbers it goes on in the 998 range, which is not issued either.
 */
public final class DemoPatients {

    static final String FIRST_NHS_PREFIX = "999000000";
    /** Where numbering goes on once the 999 range is used up. */
    static final long OVERFLOW_NHS_PREFIX = 998_000_000L;
    /** The demo register: the patients the demo server loads and the demo staff look after. */
    public static final int DEMO_REGISTER = 1000;
    /** Patients per practice beyond the demo register: about an English practice's list. */
    static final int LIST_SIZE = 10_000;

    static final List<String> GP_PRACTICES = List.of(
            "Y90001", "Y90002", "Y90003", "Y90004", "Y90005", "Y90006");

    private static final String[] FEMALE_NAMES = {
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace",
        "Freya", "Poppy", "Ella", "Evie", "Aisha", "Fatima", "Zara", "Priya", "Anjali", "Siobhan", "Margaret",
        "Susan", "Patricia", "Janet", "Helen", "Joan", "Dorothy", "Chloe", "Emily", "Hannah", "Niamh",
        "Amara", "Chiamaka", "Wiktoria", "Maja", "Mei", "Yasmin", "Bethan", "Catrin"
    };
    private static final String[] MALE_NAMES = {
        "Oliver", "George", "Noah", "Arthur", "Leo", "Muhammad", "Harry", "Oscar", "Archie", "Henry", "Jack",
        "Theo", "Freddie", "Alfie", "Charlie", "Thomas", "James", "William", "David", "John", "Michael",
        "Peter", "Robert", "Ahmed", "Omar", "Rajesh", "Arjun", "Sanjay", "Kwame", "Chinedu", "Tomasz",
        "Piotr", "Wei", "Hamza", "Ibrahim", "Declan", "Callum", "Rhys", "Dylan", "Eamon"
    };
    private static final String[] FAMILY_NAMES = {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Ahmed", "Ali", "Hussain", "Begum", "Singh", "Kaur", "Shah", "Mistry", "Okafor",
        "Adeyemi", "Mensah", "Nowak", "Kowalski", "Chen", "Wang", "Nguyen", "O'Brien", "Murphy", "Kelly",
        "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Cooper", "King", "Lee", "Baker", "Turner", "Hill",
        "Scott", "Moore", "Ward", "Morris", "Campbell", "Stewart", "Bennett", "Price", "Bell", "Cox",
        "Richardson", "Fletcher", "Holmes", "Marshall", "Mitchell", "Parker", "Sutherland", "Ellis",
        "Barker", "Chapman", "Atkinson", "Graham", "Lloyd", "Reid", "Fraser", "Hunt", "Palmer", "Mills"
    };
    private static final String[] OUTWARD_CODES = {
        "LS1", "LS6", "LS11", "BD3", "BD7", "HX1", "WF1", "HD1", "S1", "S10", "M1", "M14", "M20", "L8",
        "B11", "B15", "NG7", "LE2", "SE1", "SE15", "E1", "E17", "N1", "NW6", "SW2", "W12", "BS5", "PL4",
        "NE1", "NE6", "YO1", "HU3", "CB1", "OX4", "RG1", "SO14", "BN2", "EX4", "TR1", "CA1"
    };
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private DemoPatients() {
    }

    public static List<PatientRegistration> generate(int count, long seed) {
        Register register = new Register(seed);
        List<PatientRegistration> patients = new ArrayList<>(count);
        while (patients.size() < count) {
            patients.add(register.next());
        }
        return patients;
    }

    /**
     * The register one patient at a time, for registers too large to hold in memory: the n-th call of {@link #next}
     * gives the same patient as {@code generate(n + 1, seed).get(n)}.
     */
    public static final class Register {

        private final Random random;
        private long prefix = Long.parseLong(FIRST_NHS_PREFIX);
        private int index;
        private boolean overflowed;

        public Register(long seed) {
            random = new Random(seed);
        }

        /** The position in the register of the patient the next call gives. */
        public int nextIndex() {
            return index;
        }

        public PatientRegistration next() {
            Optional<NhsNumber> number = Optional.empty();
            while (number.isEmpty()) {
                if (prefix == 1_000_000_000L) {
                    prefix = OVERFLOW_NHS_PREFIX;
                    overflowed = true;
                } else if (overflowed && prefix == OVERFLOW_NHS_PREFIX + 1_000_000L) {
                    throw new IllegalStateException("the 999 and 998 ranges are used up");
                }
                number = NhsNumber.fromFirstNineDigits(Long.toString(prefix++));
            }
            return person(number.get(), random, index++);
        }
    }

    private static PatientRegistration person(NhsNumber number, Random random, int index) {
        int sexRoll = random.nextInt(100);
        String sex = sexRoll < 49 ? "female" : sexRoll < 98 ? "male" : sexRoll < 99 ? "other" : "unknown";
        boolean femaleName = sex.equals("female") || (!sex.equals("male") && random.nextBoolean());
        String[] givenNames = femaleName ? FEMALE_NAMES : MALE_NAMES;
        String given = pick(givenNames, random);
        String family = pick(FAMILY_NAMES, random);
        if (random.nextInt(20) == 0) {
            family = family + "-" + pick(FAMILY_NAMES, random);
        }
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 94));
        String postcode = pick(OUTWARD_CODES, random) + " " + random.nextInt(10)
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        String practice = GP_PRACTICES.get(random.nextInt(GP_PRACTICES.size()));
        if (index >= DEMO_REGISTER) {
            practice = "Y9" + (1000 + (index - DEMO_REGISTER) / LIST_SIZE);
        }
        return new PatientRegistration(number, given, family, born, Sex.fromCode(sex), Postcode.parse(postcode), OdsCode.parse(practice));
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
