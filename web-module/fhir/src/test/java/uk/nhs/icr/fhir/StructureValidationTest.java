package uk.nhs.icr.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StructureValidationTest {

    @Test
    void an_error_in_the_validated_subset_is_named_by_its_entry_in_the_request() {
        // the request's entries 0, 4 and 9 were kept and validated as entries 0, 1 and 2 of the subset
        List<Integer> kept = List.of(0, 4, 9);
        assertEquals("Bundle.entry[9].resource.referenceRange[0]",
                StructureValidation.inRequest("Bundle.entry[2].resource/*Observation/null*/.referenceRange[0]", kept));
        assertEquals("Bundle.entry[4].request", StructureValidation.inRequest("Bundle.entry[1].request", kept));
        assertEquals("Bundle", StructureValidation.inRequest("Bundle", kept), "an error of the bundle itself");
    }

    @Test
    void a_single_resource_keeps_the_validators_own_expression() {
        assertEquals("Consent.provision", StructureValidation.inRequest("Consent.provision", List.of()));
        assertEquals("Appointment.participant[0]", StructureValidation.inRequest("Appointment.participant[0]", List.of()));
        assertEquals("", StructureValidation.inRequest(null, List.of()));
    }
}
