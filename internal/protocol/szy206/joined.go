package szy206

// DecodeJoined interprets the joined data of a split message (what
// Reassembler.Add returns once complete) as the data field of an unsplit
// frame with f's control, address and AFN: real-time values with the alarm
// and status words for reports and query replies, the link code for AFN 02,
// else the raw data. f is the message's last fragment (already decoded); its
// envelope is kept and its decoded fields are replaced. Error offsets are
// into body.
func DecodeJoined(f *Frame, body []byte, p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	env := Frame{Control: f.Control, DIVS: f.DIVS, Address: f.Address, AFN: f.AFN, UserAFN: f.UserAFN, Station: f.Station}
	f.reset()
	f.Control, f.DIVS, f.Address, f.AFN, f.UserAFN, f.Station = env.Control, env.DIVS, env.Address, env.AFN, env.UserAFN, env.Station
	f.Profile = p
	up := f.Control.Up()
	switch {
	case f.AFN == AFNLink:
		if err := f.splitAux(body, 0, len(body), 1, false, &p); err != nil {
			return err
		}
		f.Link = LinkCode(f.Data[0])
	case up && f.isRealtime(&p):
		return f.decodeRealtime(body, 0, len(body), &p)
	default:
		f.Data = body
	}
	return nil
}
