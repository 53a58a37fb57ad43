package io.tumorboard.model.rules.staging;

/**
 * The findings besides size that raise a lung primary's T category under the AJCC 8th edition (ch. 36, Lung,
 * definition of primary tumour), each with the lowest T it implies. In-situ and minimally invasive
 * adenocarcinoma are listed here too because they set Tis and T1mi regardless of the other features.
 */
public enum TumorExtent {
    /** Adenocarcinoma in situ, 3 cm or less: Tis. */
    ADENOCARCINOMA_IN_SITU(0),
    /** Minimally invasive adenocarcinoma: 3 cm or less, lepidic-predominant, 5 mm or less invasion: T1mi. */
    MINIMALLY_INVASIVE_ADENOCARCINOMA(1),
    /** Main bronchus involved (regardless of distance to the carina) without the carina: T2. */
    MAIN_BRONCHUS(2),
    VISCERAL_PLEURA(2),
    /** Atelectasis or obstructive pneumonitis extending to the hilum, part or all of the lung: T2. */
    ATELECTASIS_TO_HILUM(2),
    /** Parietal pleura or chest wall (including superior sulcus tumours): T3. */
    CHEST_WALL(3),
    PHRENIC_NERVE(3),
    PARIETAL_PERICARDIUM(3),
    /** Separate tumour nodule(s) in the same lobe as the primary: T3. */
    SEPARATE_NODULE_SAME_LOBE(3),
    DIAPHRAGM(4),
    MEDIASTINUM(4),
    HEART(4),
    GREAT_VESSELS(4),
    TRACHEA(4),
    RECURRENT_LARYNGEAL_NERVE(4),
    ESOPHAGUS(4),
    VERTEBRAL_BODY(4),
    CARINA(4),
    /** Separate tumour nodule(s) in a different ipsilateral lobe: T4. */
    SEPARATE_NODULE_OTHER_IPSILATERAL_LOBE(4);

    private final int impliedT;

    TumorExtent(int impliedT) {
        this.impliedT = impliedT;
    }

    /** The T level the finding implies on its own (0 for Tis, 1 for T1mi). */
    int impliedT() {
        return impliedT;
    }
}
