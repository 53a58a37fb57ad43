package io.tumorboard.pipeline.cohort;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Resource;

/**
 * Generates and writes one hospital's export and its truth: FHIR Bulk Data NDJSON (one file per resource type),
 * the radiomics table, pathology text files where the site sends them, and truth/&lt;site&gt;/.
 */
final class SiteExport {

    /** Resource types in the order the files are listed; every type is written, even when empty. */
    static final List<String> RESOURCE_TYPES = List.of("Patient", "Condition", "Observation", "DiagnosticReport",
            "AllergyIntolerance", "Device", "ServiceRequest", "Procedure");

    private final SiteProfile profile;
    private final long seed;
    private final IParser parser;
    private final ObjectMapper json;

    SiteExport(SiteProfile profile, long seed, FhirContext fhir, ObjectMapper json) {
        this.profile = profile;
        this.seed = seed;
        this.parser = fhir.newJsonParser().setPrettyPrint(false);
        this.json = json;
    }

    SiteSummary write(int patients, Path out, Runnable patientDone) throws IOException {
        Path siteDir = out.resolve(profile.site());
        Path truthDir = out.resolve("truth").resolve(profile.site());
        Files.createDirectories(siteDir.resolve("fhir"));
        Files.createDirectories(siteDir.resolve("radiomics"));
        Files.createDirectories(truthDir);
        if (profile.pathologyAsTextFiles()) {
            Files.createDirectories(siteDir.resolve("reports"));
        }
        Map<String, ExportFile> fhirFiles = new LinkedHashMap<>();
        RESOURCE_TYPES.forEach(type -> fhirFiles.put(type, new ExportFile("fhir/" + type + ".ndjson")));
        ExportFile radiomics = new ExportFile(RadiomicsTable.FILE);
        radiomics.add(utf8(RadiomicsTable.header()));

        PatientSampler sampler = new PatientSampler(profile);
        DocumentationPlanner planner = new DocumentationPlanner(profile);
        FhirRecords records = new FhirRecords(profile);
        ExpectedCaseAssembler assembler = new ExpectedCaseAssembler(profile);
        List<PatientCase> expected = new ArrayList<>();
        List<Map<String, Object>> truth = new ArrayList<>();
        List<Map<String, Object>> discrepancies = new ArrayList<>();
        List<ExportFile> textFiles = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            SplittableRandom random = new SplittableRandom(patientSeed(i));
            LatentPatient p = sampler.sample(i, random);
            Documentation d = planner.plan(p, random, new SplittableRandom(patientSeed(i)).split());
            String radiologyText = p.hasImaging() ? RadiologyReportText.write(p, d, profile.style(), random) : "";
            String pathologyText = p.hasPathology() ? PathologyReportText.write(p, d, profile.style(), random) : "";
            Map<String, Double> features = Map.of();
            if (p.hasImaging()) {
                features = RadiomicsFeatures.values(p.sizeMm(), p.radiomicsSignal(), profile, random);
                radiomics.add(utf8(RadiomicsTable.row(p, new ResourceIds(p).studyId(), features, profile, random)));
            }
            boolean pathologyInFhir = p.hasPathology() && !profile.pathologyAsTextFiles();
            for (Resource resource : records.build(p, d, radiologyText, pathologyInFhir ? pathologyText : null)) {
                fhirFiles.get(resource.fhirType()).add(utf8(parser.encodeResourceToString(resource)));
            }
            if (p.hasPathology() && profile.pathologyAsTextFiles()) {
                ExportFile text = new ExportFile(d.pathologyDocument());
                text.add(utf8(pathologyText));
                textFiles.add(text);
            }
            expected.add(assembler.assemble(p, d, radiologyText, pathologyText, features));
            truth.add(TruthRecords.patient(p));
            d.discrepancies().forEach(x -> discrepancies.add(TruthRecords.discrepancy(p, x)));
            patientDone.run();
        }
        MalformedRecords malformed = new MalformedRecords(profile.site());
        malformed.inject(fhirFiles, radiomics, new SplittableRandom(patientSeed(-1)));
        if (!textFiles.isEmpty()) {
            malformed.injectTextFiles(textFiles, profile.mrnPrefix(), new SplittableRandom(patientSeed(-2)));
        }

        List<Map<String, Object>> rejections = new ArrayList<>();
        Map<String, Integer> recordsPerType = new LinkedHashMap<>();
        for (ExportFile file : fhirFiles.values()) {
            writeLines(siteDir, file, rejections);
            recordsPerType.put(file.relativePath().substring(5, file.relativePath().indexOf('.')),
                    file.lines().size());
        }
        writeLines(siteDir, radiomics, rejections);
        recordsPerType.put("radiomics rows", radiomics.lines().size() - 1);
        for (ExportFile text : textFiles) {
            writeLines(siteDir, text, rejections);
        }
        if (profile.pathologyAsTextFiles()) {
            recordsPerType.put("pathology text files", textFiles.size());
        }
        writeJsonLines(truthDir.resolve("patients.jsonl"), truth);
        writeJsonLines(truthDir.resolve("discrepancies.jsonl"), discrepancies);
        writeJsonLines(truthDir.resolve("rejections.jsonl"), rejections);
        new CaseCodec(CaseCodec.UnknownFields.REJECT).write(truthDir.resolve("expected-cases.jsonl"), expected);

        Map<String, Integer> perType = new LinkedHashMap<>();
        discrepancies.forEach(x -> perType.merge((String) x.get("type"), 1, Integer::sum));
        Map<String, Integer> perKind = new LinkedHashMap<>();
        rejections.forEach(x -> perKind.merge((String) x.get("kind"), 1, Integer::sum));
        return new SiteSummary(profile.site(), patients, recordsPerType, perType, perKind);
    }

    /** The seed of one patient's random stream: a SplitMix64-style mix of cohort seed, site and position. */
    private long patientSeed(int index) {
        long h = seed ^ 0x9E3779B97F4A7C15L * (profile.site().hashCode() + 0x632BE59BD9B4E019L);
        h += 0xBF58476D1CE4E5B9L * (index + 1L);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static void writeLines(Path siteDir, ExportFile file, List<Map<String, Object>> rejections)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(siteDir.resolve(file.relativePath()))) {
            int number = 0;
            for (ExportFile.Line line : file.lines()) {
                number++;
                out.write(line.bytes());
                out.write('\n');
                if (line.kind() != null) {
                    rejections.add(TruthRecords.rejection(file.relativePath(), number, line));
                }
            }
        }
    }

    private void writeJsonLines(Path file, List<Map<String, Object>> lines) {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> line : lines) {
                writer.write(json.writeValueAsString(line));
                writer.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a truth line of " + file.getFileName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
