package io.github.ucmaworkbench.ui.ladder;

/** The names of the ladder's components, for tests and for the window's own look-ups (OmegaT's habit). */
public interface LadderNames {
    String CANVAS = "ladder.canvas";
    String CALL_ID_FILTER = "ladder.filter.callId";
    String METHOD_FILTER = "ladder.filter.method";
    String CALLER_FILTER = "ladder.filter.caller";
    String GROUP_BY_CALLER = "ladder.groupByCaller";
    String FOLLOW = "ladder.follow";
    String PAUSE = "ladder.pause";
    String CLEAR = "ladder.clear";
    String EXPORT = "ladder.export";
    String EXPORT_TEXT = "ladder.export.text";
    String EXPORT_PCAP = "ladder.export.pcap";
    String EXPORT_PNG = "ladder.export.png";
    String EXPORT_SVG = "ladder.export.svg";
    String STATUS = "ladder.status";
}
