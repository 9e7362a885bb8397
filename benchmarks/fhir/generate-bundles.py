"""Synthea-shaped FHIR R4 transaction bundles for the import benchmark (server-config/bin/benchmark-fhir-import.sh):
BUNDLES bundles of PATIENTS patients, each patient with 10 encounters, 5 problems, 30 laboratory results, 30 vital signs,
5 medicines, an allergy and 10 claims (92 resources), no NHS numbers (the server derives test ones), and a hospital
bundle with the organisation and practitioner the others name by identifier. Usage: generate-bundles.py BUNDLES PATIENTS DIR"""
import json, sys, uuid, random
random.seed(7)
bundles, per_bundle = int(sys.argv[1]), int(sys.argv[2])
out = sys.argv[3]
run = sys.argv[4] if len(sys.argv) > 4 else "bench"
SYN = "https://github.com/synthetichealth/synthea"
def entry(resource, cond=None):
    e = {"fullUrl": "urn:uuid:" + str(uuid.uuid4()), "resource": resource, "request": {"method": "POST", "url": resource["resourceType"]}}
    if cond: e["request"]["ifNoneExist"] = cond
    return e
hosp = {"resourceType": "Bundle", "type": "transaction", "entry": []}
hosp["entry"].append(entry({"resourceType": "Organization", "identifier": [{"system": SYN, "value": "bench-hospital"}], "name": "Bench General"}, "identifier=" + SYN + "|bench-hospital"))
hosp["entry"].append(entry({"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "bench-npi"}], "name": [{"family": "Bench", "given": ["Dana"], "prefix": ["Dr."]}]}))
json.dump(hosp, open(f"{out}/hospitalInformation-bench.json", "w"))
for b in range(bundles):
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": []}
    for p in range(per_bundle):
        pid = f"{run}-{b}-{p}"
        pe = entry({"resourceType": "Patient", "identifier": [{"system": SYN, "value": pid}], "name": [{"use": "official", "family": "Benchimport", "given": [f"P{b}x{p}"]}],
                    "gender": random.choice(["male", "female"]), "birthDate": f"19{random.randint(30,99)}-0{random.randint(1,9)}-1{random.randint(0,9)}", "address": [{"postalCode": "02139"}]})
        bundle["entry"].append(pe); subj = {"reference": pe["fullUrl"]}
        for i in range(10):
            bundle["entry"].append(entry({"resourceType": "Encounter", "status": "finished", "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
                "type": [{"text": "General examination"}], "subject": subj, "period": {"start": f"2023-0{1+i%9}-0{1+i%9}T09:00:00Z", "end": f"2023-0{1+i%9}-0{1+i%9}T09:30:00Z"},
                "serviceProvider": {"reference": "Organization?identifier=" + SYN + "|bench-hospital"},
                "participant": [{"individual": {"reference": "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|bench-npi"}}]}))
        for i in range(5):
            bundle["entry"].append(entry({"resourceType": "Condition", "subject": subj, "code": {"coding": [{"system": "http://snomed.info/sct", "code": "38341003", "display": "Hypertension"}], "text": "Hypertension"}, "onsetDateTime": f"201{i}-01-01T00:00:00Z"}))
        for i in range(30):
            bundle["entry"].append(entry({"resourceType": "Observation", "status": "final", "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
                "code": {"text": random.choice(["Haemoglobin", "Sodium", "Potassium", "Creatinine"])}, "subject": subj, "effectiveDateTime": f"2024-0{1+i%9}-1{i%10}T10:00:00Z",
                "valueQuantity": {"value": random.randint(100, 160), "unit": "g/L"}, "referenceRange": [{"low": {"value": 130, "unit": "g/L"}, "high": {"value": 170, "unit": "g/L"}}]}))
            bundle["entry"].append(entry({"resourceType": "Observation", "status": "final", "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                "code": {"text": "Body weight"}, "subject": subj, "valueQuantity": {"value": 70, "unit": "kg"}}))
        for i in range(5):
            bundle["entry"].append(entry({"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": subj, "medicationCodeableConcept": {"text": "Amlodipine 5mg tablets"}, "authoredOn": "2024-01-01T09:00:00Z", "dosageInstruction": [{"text": "One a day"}]}))
        bundle["entry"].append(entry({"resourceType": "AllergyIntolerance", "patient": subj, "code": {"text": "Penicillin"}, "reaction": [{"manifestation": [{"text": "Rash"}], "severity": "mild"}]}))
        for i in range(10):
            bundle["entry"].append(entry({"resourceType": "Claim", "status": "active", "patient": subj}))
    json.dump(bundle, open(f"{out}/patient-bundle-{b:03d}.json", "w"))
