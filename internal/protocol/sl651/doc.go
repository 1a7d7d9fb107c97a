// Package sl651 is the codec for SL 651-2014 (水文监测数据通信规约), the
// protocol hydrological and water-resources RTUs use to talk to the sishui
// gateway. It is pure: no network, no clock, no logging.
//
// # What is supported
//
//   - Both wire encodings: HEX/BCD frames (7E 7E … CRC) and ASCII frames
//     (SOH … 4 hex CRC characters), up and down, single packet (STX) and M3
//     multi-packet (SYN + packet field). CRC-16/MODBUS over every byte before
//     the CRC, sent high byte first (Checksum).
//   - Decoding (Decoder.Decode, allocation-free when a Frame is reused) of every
//     uplink function of Appendix B: 2FH keep-alive; 30H–34H, 37H, 38H, 3AH and
//     44H reports (F1F1 station + type, F0F0 observation groups, elements);
//     35H/39H manual-set data and 36H pictures (kept raw); 40H–43H and 49H
//     parameters (Frame.Params, Appendix D); 45H version; 46H/4BH status
//     word; 47H, 48H, 4AH, 51H station-only answers; 50H event counters;
//     4CH–4FH control states and user-defined E0H–FFH functions kept raw in
//     Frame.Rest. Reserved function codes fail with ErrUnknownFunction after
//     the header is decoded.
//   - Elements are decoded by the data-definition byte actually received,
//     never by the nominal table; the full Appendix C table (LookupCode,
//     LookupID) gives identifier, unit and description. Special groups: DRP
//     and DRZ1–8 arrays (Element.Values, NaN for FF/FFFF slots), the 04H time
//     step (minutes), the ZT status word (StatusWord), negative values (leading
//     FF byte), missing values (all FF, ASCII "M"), undecodable data (Invalid,
//     Raw kept). Reserved 76H–EFH and user-defined FFxxH identifiers are
//     kept with their code and raw bytes and decoded as BCD when they are.
//   - Encoding (AppendFrame, Encode) of any Frame, so decoded frames
//     re-encode byte for byte; Elem/ElemDef/MissingElem and Frame.Observe help
//     a simulator build reports. Downlink: NewConfirm (M2/M3 confirm echoing
//     serial and send time, end EOT/ESC/ACK), NewNAK (M3 resend request),
//     Command.QueryRealtime (37H), Command.SetClock (4AH),
//     Command.ChangePassword (49H); EncodePackets splits a message into M3
//     packets.
//   - SplitFrames / Framer: a bufio.SplitFunc that resynchronises on garbage,
//     caps frames at MaxFrameLen and never fails; Reassembler: bounded M3
//     reassembly keyed by station and function.
//   - Summary: the JSON shape `sishui decode` prints.
//
// # Open questions and how they are resolved here
//
//   - Year: send and observation times are 20YY Beijing time (UTC+8, see
//     Beijing); odd years (e.g. 59 → 2059) are kept, impossible calendar
//     values (month 13, 31 February, bad BCD) fail with ErrSyntax.
//   - M3 length: the 12-bit length rule is kept; lengths above 4095 are
//     impossible by construction. Only packet 1 carries serial and time; other
//     packets keep their Body raw until reassembled (Decoder.DecodeBody).
//   - Confirm time: NewConfirm echoes the RTU's send time; set Sent to send
//     the centre's clock (both occur in captured confirms).
//   - Tolerance: any of the seven end characters is accepted in either
//     direction (a captured 50H answer ends with ENQ); the centre address 0 is
//     accepted; the body F1F1 group is optional (35H/39H samples omit it).
//   - CRC errors fail with ErrChecksum (header still decoded, so the frame can
//     be quarantined); Decoder.AcceptBadChecksum processes them anyway.
//   - ASCII details the sample frames do not show are implemented from the
//     standard text: no separator after the send time (a space is tolerated),
//     "ST addr type", "TT time", "ID value " groups, DRP/DRZ/ZT as hex text,
//     time step DRDnn/DRHnn/DRNnn, RGZS/PIC followed by raw data. ASCII
//     parameters (40H–43H, 49H), versions and event records are kept raw in
//     Rest and cannot be encoded.
//   - Observation groups: Element.Observed is the time of the F0F0/TT group an
//     element follows (zero only before the first group); Frame.Observed is
//     the first group. A second F1F1 group (multi-station message) becomes an
//     element with ID "ST" whose Raw holds the address (and type).
//   - Cumulative volume is not an SL 651 element; vendors use reserved or
//     FFxxH identifiers, which a per-vendor mapping above this package must
//     interpret.
package sl651
