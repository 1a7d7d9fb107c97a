// Package szy206 is a pure codec (no network, clock or logging) for the
// water-resources monitoring protocol SZY 206-2016 and its successor
// SL/T 427-2021, as spoken by water-withdrawal terminals (RTUs) to the
// sishui gateway.
//
// # What is supported
//
//   - The frame 68H L 68H C [DIVS] A AFN D [PW] [Tp] CS 16H with the
//     CRC-8/E5 check byte over the user-data area (CRC8), both address modes
//     (Address), the control byte (Control) and user-defined FFxx functions.
//   - Picture frames whose L counts 1 K units and whose real length is a
//     16-bit count after the AFN (Frame.Picture).
//   - AFN 02 link frames (log-in F0, log-out F1, keep-alive F2); uplink
//     real-time values in self-reports (C0), alarms (81), manual data (82),
//     input-voltage reports (84) and replies to real-time queries (B0, see
//     Profile.RealtimeQueryAFN), with the alarm and status words decoded to
//     named bits; the centre's confirms (work-mode byte) and B0 queries (PW,
//     Tp); change-password and set-interval commands and their replies
//     (Profile.PasswordAFN, Profile.IntervalAFN; settings.go). Every other
//     function keeps its data raw with its AFN.
//   - Value formats (little-endian packed BCD, kept exact as scaled
//     integers in Reading): rain, water level (or groundwater depth), flow
//     (m³/s or m³/h) with cumulative volume, velocity, gate position, power,
//     air pressure / weather, wind speed and direction, electricity, water
//     temperature, water quality (bitmap + raw 8-digit values; the standard's
//     per-parameter scaling table is not available, so values are unscaled),
//     soil moisture, evaporation, terminal input voltage, water pressure,
//     SL/T 427 statistical rain and the SZY 206 composite class. Signs
//     (0/F sign nibbles, the flow sign/unit bits, the volume sign bit) and
//     AAH "not measured" fill are handled.
//   - Optional Tp: its presence is inferred from L and the class's data
//     layout; 5-byte tags are resolved against a reference time (TimeTag.Time).
//   - Split messages: DIV/DIVS frames joined per address and AFN with
//     bounded memory (Reassembler).
//   - Encoders: AppendEncode (any envelope), AppendReport (uplink reports,
//     for tests and the simulator), AppendConfirm (link replies, report
//     confirms, split-frame confirms), AppendQuery, AppendCommand, AppendLink.
//   - SplitFrames, a bufio.SplitFunc that resynchronises on garbage.
//   - Summary / SummaryAt, the JSON view printed by `sishui decode`.
//
// # Profiles and the open questions
//
// The standard's text for SZY 206-2016 was not available; where sources
// disagree the answer is a field of Profile, chosen per terminal:
//
//   - TimeTagLen: 5-byte Tp (SZY 206, verified sample) or 7-byte Tp (SL/T 427).
//   - StationBigEndian: byte order of A2, the station number (samples fit
//     both orders; the general rule says low byte first).
//   - AlarmBigEndian: byte order of the alarm and status words (hm1212 reads
//     them high byte first; the little-endian reading of the sample is the
//     plausible one).
//   - FlowUnitFlag / FlowUnit: whether flow byte 5 carries SL/T 427's
//     sign/unit bits, else the fixed flow unit.
//   - Edition: meaning of type codes 0111 (air pressure / weather), 1000
//     (wind speed / electricity), uplink 1110 (composite / statistical rain)
//     and alarm bit D9 (reserved / temperature).
//   - LevelIsDepth: groundwater reported as depth below ground via the
//     water-level class.
//   - RealtimeQueryAFN: vendor numbering of the real-time query.
//   - PasswordAFN, IntervalAFN: numbering of the change-password (default
//     96H) and set self-report interval (default A1H) commands, both
//     unverified.
//   - ConfirmKeepsType and LinkReplyEcho: shape of the centre's confirms.
//
// Presets: ProfileSZY206 (5-byte Tp, low byte first), ProfileSZY206BE (the
// same read high byte first, as the public implementations do) and
// ProfileSLT427. Detect and BestProfile try profiles on a frame for
// "--protocol auto"; byte-order questions cannot be settled by decoding and
// must be confirmed with a real terminal.
//
// # Assumptions not confirmed by a standard text
//
// The SZY 206 composite class is decoded in bitmap order D7 (rain) to D0
// (water pressure), one gauge each; SZY 206 air pressure and wind speed use
// the SL/T 427 weather sub-formats; a picture frame's L may be 1…6 (only
// L = 1 is seen in real traffic).
package szy206
