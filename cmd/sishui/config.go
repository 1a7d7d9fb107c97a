package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the configuration of every subcommand. Each field is set, in
// rising precedence, by its default, the config file (--config or
// SISHUI_CONFIG), the environment variable SISHUI_<NAME> and the flag --<name>.
type Config struct {
	DB            string        `yaml:"db" help:"database: sqlite:PATH or postgres://…"`
	HTTP          string        `yaml:"http" help:"HTTP listen address of the API and web UI"`
	SL651         string        `yaml:"sl651" help:"TCP listen address of the SL 651 gateway (empty: off)"`
	SZY206        string        `yaml:"szy206" help:"TCP listen address of the SZY 206 gateway (empty: off)"`
	LogLevel      string        `yaml:"log_level" help:"debug, info, warn or error"`
	LogFormat     string        `yaml:"log_format" help:"text or json"`
	TLSCert       string        `yaml:"tls_cert" help:"TLS certificate file (serves HTTPS when set with tls_key)"`
	TLSKey        string        `yaml:"tls_key" help:"TLS key file"`
	IdleTimeout   time.Duration `yaml:"idle_timeout" help:"gateway: close a terminal connection idle this long"`
	MaxConns      int           `yaml:"max_conns" help:"gateway: most concurrent terminal connections"`
	LoginAttempts int           `yaml:"login_attempts" help:"login attempts a client address may make per minute"`
	AuthCache     time.Duration `yaml:"auth_cache" help:"keep a checked session or token in memory this long (0: off); another node's revocation takes effect within it"`
	Quality       string        `yaml:"quality" help:"YAML file of data-quality limits per metric, point kind and point (over the defaults in internal/quality/defaults.yaml)"`
	VendorMap     string        `yaml:"vendor_map" help:"gateway: YAML file mapping SL 651 vendor identifiers to metrics"`
	// Terminal security (issue 12).
	AllowNoPassword bool   `yaml:"allow_no_password" help:"gateway: accept SL 651 frames of points without a terminal password (migration period; off: quarantined as no_password)"`
	AllowedNets     string `yaml:"allowed_nets" help:"gateway: comma-separated source networks (CIDR) terminals may connect from (empty: any; points may narrow it)"`
	// Unverified (PROTOCOLS.md §2.4): the AFNs of the SZY 206 settings commands.
	SZY206PasswordAFN string `yaml:"szy206_password_afn" help:"gateway: AFN (hex) of the SZY 206 change-password command (unverified default 96)"`
	SZY206IntervalAFN string `yaml:"szy206_interval_afn" help:"gateway: AFN (hex) of the SZY 206 set self-report interval command (unverified default A1)"`

	MQTTBroker   string `yaml:"mqtt_broker" help:"MQTT broker to take observations from, e.g. tcp://127.0.0.1:1883 (empty: off)"`
	MQTTClientID string `yaml:"mqtt_client_id" help:"MQTT client id of the persistent session"`
	MQTTTopic    string `yaml:"mqtt_topic" help:"MQTT topic template naming the terminal code"`

	WarningRules  string `yaml:"warning_rules" help:"YAML file of extra warning rules (see internal/warning/rules/default.yaml for the format)"`
	PermitRules   string `yaml:"permit_rules" help:"YAML file of the permit process's rules: 限批 switches, who decides (see internal/permitting/config.go)"`
	AlertWebhooks string `yaml:"alert_webhooks" help:"comma-separated URLs that receive every alert event as JSON (retried)"`

	ForwardAddr    string `yaml:"forward_addr" help:"national-platform upstream host:port for store-and-forward (empty: off)"`
	ForwardProfile string `yaml:"forward_profile" help:"SZY 206 profile of upstream frames: szy206, szy206-be or slt427"`
	// Unverified (PROTOCOLS.md §2.7): how upstream wants groundwater depth.
	ForwardDepthDatum string `yaml:"forward_depth_datum" help:"send groundwater depth as a level above this datum in metres (empty: send the depth as it is; unverified)"`

	// Water rights (用水权): the public notice of a trade, in working days (unverified default 10; 0: no notice).
	RightsNoticeDays int `yaml:"rights_notice_days" help:"working days of a water-rights trade's public notice (公示; unverified default 10, 0 none)"`

	// Live carrying capacity (水资源承载能力): the versioned grading rules.
	CapacityRules string `yaml:"capacity_rules" help:"YAML file of the live carrying-capacity rules per city and county with effective dates (default: the shipped data/liaocheng/capacity_rules.yaml)"`

	AuditDir string `yaml:"audit_dir" help:"directory of the audit signing key (audit.key), public keys (audit.pub) and checkpoint file (audit.checkpoints); default: beside a SQLite database, else the working directory"`
	// Province scale (issue 18): roles of one binary and the bus between them.
	Role           string `yaml:"role" only:"serve" help:"serve: all (one process, the default), gateway, writer, api or worker"`
	NATS           string `yaml:"nats" help:"roles: NATS server URLs, comma-separated, e.g. nats://10.0.0.1:4222,nats://10.0.0.2:4222"`
	NATSCreds      string `yaml:"nats_creds" help:"roles: NATS credentials file (.creds: user JWT and nkey seed)"`
	NATSCA         string `yaml:"nats_ca" help:"roles: CA file to verify the NATS servers' TLS certificates (tls:// URLs)"`
	NodeName       string `yaml:"node_name" help:"roles: this node's name in logs and frame envelopes (default: host name and role)"`
	StreamMaxMB    int    `yaml:"stream_max_mb" help:"gateway: the frames stream's size limit in MiB (full: terminals are not confirmed)"`
	StreamReplicas int    `yaml:"stream_replicas" help:"gateway: replicas of the frames stream (3 on a 3-node cluster)"`

	AuditKey string `yaml:"audit_key" help:"the audit signing key line, instead of DIR/audit.key (use the environment, not a flag)"`
}

func defaultConfig() Config {
	return Config{
		DB:                "sqlite:sishui.db",
		HTTP:              "127.0.0.1:8080",
		SL651:             "",
		SZY206:            "",
		LogLevel:          "info",
		LogFormat:         "text",
		IdleTimeout:       10 * time.Minute,
		MaxConns:          20000,
		SZY206PasswordAFN: "96",
		SZY206IntervalAFN: "A1",
		LoginAttempts:     10,
		AuthCache:         5 * time.Second,
		Role:              "all",
		StreamMaxMB:       1024,
		StreamReplicas:    3,

		RightsNoticeDays: 10,

		MQTTClientID: "sishui",
		MQTTTopic:    "sishui/obs/{code}",
	}
}

// flagName turns a yaml key into the flag and environment spelling.
func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

func envName(key string) string { return "SISHUI_" + strings.ToUpper(key) }

// loadConfig builds the configuration and registers its flags on fs. Call fs.Parse after it.
func loadConfig(fs *flag.FlagSet, args []string, getenv func(string) string) (*Config, error) {
	cfg := defaultConfig()
	path := getenv("SISHUI_CONFIG")
	for i, a := range args {
		if a == "--config" || a == "-config" {
			if i+1 < len(args) {
				path = args[i+1]
			}
		} else if v, ok := strings.CutPrefix(a, "--config="); ok {
			path = v
		}
	}
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
	}
	fs.String("config", path, "YAML configuration file (also SISHUI_CONFIG)")
	v := reflect.ValueOf(&cfg).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if env := getenv(envName(key)); env != "" {
			if err := setField(v.Field(i), env); err != nil {
				return nil, fmt.Errorf("%s: %w", envName(key), err)
			}
		}
		if only := f.Tag.Get("only"); only != "" && fs.Name() != "sishui "+only {
			continue // a flag of one command (another may use the name: user add --role)
		}
		help := f.Tag.Get("help") + " (env " + envName(key) + ")"
		switch p := v.Field(i).Addr().Interface().(type) {
		case *string:
			fs.StringVar(p, flagName(key), *p, help)
		case *int:
			fs.IntVar(p, flagName(key), *p, help)
		case *time.Duration:
			fs.DurationVar(p, flagName(key), *p, help)
		case *bool:
			fs.BoolVar(p, flagName(key), *p, help)
		}
	}
	return &cfg, nil
}

func setField(v reflect.Value, s string) error {
	switch p := v.Addr().Interface().(type) {
	case *string:
		*p = s
	case *int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return err
		}
		*p = n
	case *time.Duration:
		d, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		*p = d
	case *bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		*p = b
	}
	return nil
}
