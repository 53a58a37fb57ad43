package io.tumorboard.pipeline.cohort;

import io.tumorboard.model.cases.AjccEdition;
import io.tumorboard.model.cases.Laterality;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.cases.SmokingStatus;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Draws one site's patients from its profile. Each patient has its own random stream (derived from the seed, the
 * site and the patient's position), so a patient's truth does not change when another patient's does.
 */
final class PatientSampler {

    /** Diagnoses fall between these dates (inclusive start, exclusive end). */
    static final LocalDate FIRST_DIAGNOSIS = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST_DIAGNOSIS = LocalDate.of(2022, 1, 1);

    private final SiteProfile profile;
    private final PatientKey patientKey;

    PatientSampler(SiteProfile profile) {
        this.profile = profile;
        this.patientKey = PatientKey.demo(profile.site());
    }

    LatentPatient sample(int index, RandomGenerator random) {
        String token = String.format(Locale.ROOT, "p%04d", index + 1);
        // Unique by construction: the position decides the block of 37 numbers the MRN is drawn from.
        String mrn = profile.mrnPrefix()
                + String.format(Locale.ROOT, "%07d", 1_000_000 + index * 37 + random.nextInt(37));
        String sex = random.nextDouble() < 0.55 ? "male" : "female";
        int age = (int) Math.round(clamp(profile.meanAgeYears() + 9 * random.nextGaussian(), 38, 90));
        long window = ChronoUnit.DAYS.between(FIRST_DIAGNOSIS, LAST_DIAGNOSIS);
        LocalDate diagnosis = FIRST_DIAGNOSIS.plusDays(random.nextLong(window));
        LocalDate birth = diagnosis.minusYears(age).minusDays(random.nextInt(1, 365));
        age = Period.between(birth, diagnosis).getYears();

        double histologyDraw = random.nextDouble();
        Histology histology = histologyDraw < 0.58 ? Histology.ADENOCARCINOMA
                : histologyDraw < 0.92 ? Histology.SQUAMOUS_CELL_CARCINOMA : Histology.LARGE_CELL_CARCINOMA;
        Laterality laterality = random.nextDouble() < 0.56 ? Laterality.RIGHT : Laterality.LEFT;
        double lobeDraw = random.nextDouble();
        Lobe lobe = lobeDraw < 0.6 ? Lobe.UPPER
                : laterality == Laterality.RIGHT && lobeDraw < 0.7 ? Lobe.MIDDLE : Lobe.LOWER;

        double sizeMm = Math.round(clamp(Math.exp(Math.log(32) + 0.5 * random.nextGaussian()), 6, 140) * 10) / 10.0;
        boolean invadesT4 = random.nextDouble() < 0.05;
        String t = LungStageGroups.tFromSize(AjccEdition.EIGHTH, sizeMm, invadesT4);
        String n = drawN(t, random);
        String m = drawM(random);
        String group = LungStageGroups.group(AjccEdition.EIGHTH, t, n, m);
        AjccEdition edition = random.nextDouble() < profile.seventhEditionRate() ? AjccEdition.SEVENTH
                : AjccEdition.EIGHTH;

        int ecog = drawEcog(age, random);
        double smokingDraw = random.nextDouble();
        SmokingStatus smoking = smokingDraw < 0.35 ? SmokingStatus.CURRENT
                : smokingDraw < 0.82 ? SmokingStatus.FORMER : SmokingStatus.NEVER;
        Double packYears = smoking == SmokingStatus.NEVER ? null
                : (double) Math.round(clamp(35 + 15 * random.nextGaussian(), 2, 120));
        // CKD-EPI eGFR falls about 1 mL/min/1.73 m2 a year with age; values below 30 only arrive by injection.
        double egfr = Math.round(clamp(105 - 0.6 * (age - 40) + 12 * random.nextGaussian(), 31, 130));

        boolean lvi = random.nextDouble() < 0.18 + 0.08 * LungStageGroups.N.indexOf(n);
        boolean resectable = m.equals("M0") && !group.startsWith("IIIB") && !group.startsWith("IIIC") && ecog <= 2;
        boolean surgery = resectable && random.nextDouble() < 0.85;
        boolean neoadjuvant = surgery && (n.equals("N2") ? random.nextDouble() < 0.7 : random.nextDouble() < 0.06);
        boolean marginPositive = surgery && random.nextDouble() < 0.09;
        LocalDate neoadjuvantDate = neoadjuvant ? diagnosis.plusDays(random.nextInt(14, 29)) : null;
        LocalDate surgeryDate = !surgery ? null
                : neoadjuvant ? neoadjuvantDate.plusDays(random.nextInt(90, 121))
                : diagnosis.plusDays(random.nextInt(20, 46));

        double[] signal = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double eta = SurvivalModel.linearPredictor(group, age, ecog, histology, signal, lvi, marginPositive);
        double eventDays = SurvivalModel.drawEventDays(random, eta);
        double adminDays = ChronoUnit.DAYS.between(diagnosis, SurvivalModel.DATA_CUTOFF);
        double censorDays = Math.min(adminDays, SurvivalModel.drawLossDays(random));
        boolean death = eventDays <= censorDays;
        int followUp = (int) Math.max(1, Math.floor(Math.min(eventDays, censorDays)));
        if (surgeryDate != null && followUp <= ChronoUnit.DAYS.between(diagnosis, surgeryDate) + 5) {
            // A patient seen after the resection was alive at the resection: follow-up starts no earlier.
            followUp = (int) ChronoUnit.DAYS.between(diagnosis, surgeryDate) + 6;
            death = false;
        }
        boolean hasImaging = random.nextDouble() >= profile.missingImagingRate();
        boolean hasPathology = random.nextDouble() >= profile.missingPathologyRate();
        return new LatentPatient(profile.site(), token, mrn, patientKey.of(mrn), sex, birth, diagnosis, age, histology,
                laterality, lobe, sizeMm, invadesT4, t, n, m, group, edition, ecog, smoking, packYears, egfr, lvi,
                marginPositive, surgery, neoadjuvant, neoadjuvantDate, surgeryDate, signal, eta, eventDays, followUp,
                death, diagnosis.plusDays(followUp), hasImaging, hasPathology);
    }

    private String drawN(String t, RandomGenerator random) {
        double nodal = 0.15 + 0.07 * LungStageGroups.T_8TH.indexOf(t) + profile.nodalShift();
        if (random.nextDouble() >= nodal) {
            return "N0";
        }
        double draw = random.nextDouble();
        return draw < 0.45 ? "N1" : draw < 0.85 ? "N2" : "N3";
    }

    private String drawM(RandomGenerator random) {
        if (random.nextDouble() >= profile.advancedRate()) {
            return "M0";
        }
        double draw = random.nextDouble();
        return draw < 0.35 ? "M1a" : draw < 0.6 ? "M1b" : "M1c";
    }

    private static int drawEcog(int age, RandomGenerator random) {
        double draw = random.nextDouble() + (age - 65) * 0.01;
        return draw < 0.38 ? 0 : draw < 0.78 ? 1 : draw < 0.95 ? 2 : 3;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
