// Package auditsign keeps the audit log honest against someone who can write
// to the database: Ed25519 keys held outside it sign checkpoints of the hash
// chain (sishui.AuditCheckpoint), which the store writes beside each audit
// append and to an append-only file, and Verify checks the chain against them.
//
// Files (by default beside the database, or in the server's working directory):
//
//	audit.key          the private key: "sishui-audit-key v1 KEYID SEED" (mode 0600),
//	                   or the environment variable SISHUI_AUDIT_KEY with the same line
//	audit.pub          every public key ever used, one "KEYID BASE64" per line;
//	                   rotation appends, never removes
//	audit.checkpoints  one JSON checkpoint per line, appended after each commit
package auditsign

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/sishui/sishui"
)

// Key is a signing key.
type Key struct {
	ID      string
	Private ed25519.PrivateKey
}

// KeyID implements sishui.AuditSigner.
func (k *Key) KeyID() string { return k.ID }

// Sign implements sishui.AuditSigner.
func (k *Key) Sign(msg []byte) []byte { return ed25519.Sign(k.Private, msg) }

// Public returns the public half.
func (k *Key) Public() ed25519.PublicKey { return k.Private.Public().(ed25519.PublicKey) }

// KeyIDOf names a public key: the first 8 bytes of its SHA-256, in hex.
func KeyIDOf(pub ed25519.PublicKey) string {
	h := sha256.Sum256(pub)
	return hex.EncodeToString(h[:8])
}

// NewKey makes a fresh key.
func NewKey() (*Key, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	k := &Key{Private: priv}
	k.ID = KeyIDOf(k.Public())
	return k, nil
}

const keyHeader = "sishui-audit-key v1"

// String is the key file's line.
func (k *Key) String() string {
	return keyHeader + " " + k.ID + " " + base64.StdEncoding.EncodeToString(k.Private.Seed())
}

// ParseKey reads a key line (as in the key file or SISHUI_AUDIT_KEY).
func ParseKey(text string) (*Key, error) {
	f := strings.Fields(strings.TrimSpace(text))
	if len(f) != 4 || f[0]+" "+f[1] != keyHeader {
		return nil, errors.New("audit key: want \"" + keyHeader + " KEYID SEED\"")
	}
	seed, err := base64.StdEncoding.DecodeString(f[3])
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("audit key: bad seed")
	}
	k := &Key{Private: ed25519.NewKeyFromSeed(seed)}
	if k.ID = KeyIDOf(k.Public()); k.ID != f[2] {
		return nil, fmt.Errorf("audit key: id %s does not match the key (%s)", f[2], k.ID)
	}
	return k, nil
}

// LoadKey reads the key from env (when not empty) or from path. It returns an
// error wrapping fs.ErrNotExist when neither has one.
func LoadKey(path, env string) (*Key, error) {
	if strings.TrimSpace(env) != "" {
		return ParseKey(env)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseKey(string(b))
}

// Files names the key, public-key ring and checkpoint files.
type Files struct {
	Key, Public, Checkpoints string
}

// FilesIn returns the default names in dir.
func FilesIn(dir string) Files {
	j := func(n string) string {
		if dir == "" || dir == "." {
			return n
		}
		return strings.TrimSuffix(dir, "/") + "/" + n
	}
	return Files{Key: j("audit.key"), Public: j("audit.pub"), Checkpoints: j("audit.checkpoints")}
}

// Install writes k as the current key (mode 0600) and appends its public half
// to the ring; an existing key file is replaced (its public key stays in the ring).
func (f Files) Install(k *Key) error {
	if err := appendLine(f.Public, k.ID+" "+base64.StdEncoding.EncodeToString(k.Public())); err != nil {
		return err
	}
	tmp := f.Key + ".new"
	if err := os.WriteFile(tmp, []byte(k.String()+"\n"), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, f.Key)
}

// LoadOrCreate loads the key (env first, then the file); when there is none it
// creates one and installs it. created says which.
func (f Files) LoadOrCreate(env string) (k *Key, created bool, err error) {
	k, err = LoadKey(f.Key, env)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			err = f.ensurePublic(k)
		}
		return k, false, err
	}
	if k, err = NewKey(); err != nil {
		return nil, false, err
	}
	return k, true, f.Install(k)
}

// ensurePublic adds k's public key to the ring when it is not there (a key from the environment).
func (f Files) ensurePublic(k *Key) error {
	ring, err := LoadKeyring(f.Public)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if _, ok := ring[k.ID]; ok {
		return nil
	}
	return appendLine(f.Public, k.ID+" "+base64.StdEncoding.EncodeToString(k.Public()))
}

func appendLine(path, line string) error {
	fh, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.WriteString(line + "\n"); err != nil {
		fh.Close()
		return err
	}
	if err := fh.Sync(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// Keyring maps key ids to public keys.
type Keyring map[string]ed25519.PublicKey

// LoadKeyring reads a public-key ring file.
func LoadKeyring(path string) (Keyring, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	ring := Keyring{}
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		pub, err := base64.StdEncoding.DecodeString(f[len(f)-1])
		if len(f) != 2 || err != nil || len(pub) != ed25519.PublicKeySize || KeyIDOf(pub) != f[0] {
			return nil, fmt.Errorf("%s:%d: want \"KEYID BASE64-PUBLIC-KEY\" with a matching id", path, n)
		}
		ring[f[0]] = pub
	}
	return ring, sc.Err()
}

// OpenLog opens the checkpoint file for appending (created 0600 when absent).
func OpenLog(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
}

// ReadLog reads the checkpoint file. A torn last line (a crash mid-write) is ignored.
func ReadLog(path string) ([]*sishui.AuditCheckpoint, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	var out []*sishui.AuditCheckpoint
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var c sishui.AuditCheckpoint
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			if i == len(lines)-1 {
				break
			}
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		out = append(out, &c)
	}
	return out, nil
}

// Check verifies one checkpoint's signature against the ring.
func (r Keyring) Check(c *sishui.AuditCheckpoint) error {
	pub, ok := r[c.KeyID]
	if !ok {
		return fmt.Errorf("checkpoint %d: unknown key %s", c.Seq, c.KeyID)
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || !ed25519.Verify(pub, sishui.AuditCheckpointMessage(c.Seq, c.Hash, c.KeyID, c.Time), sig) {
		return fmt.Errorf("checkpoint %d: bad signature (key %s)", c.Seq, c.KeyID)
	}
	return nil
}
