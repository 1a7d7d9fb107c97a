package bus

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// NodeConfig describes one nats-server node of a JetStream cluster.
type NodeConfig struct {
	Name        string // server_name, unique in the cluster
	Cluster     string // cluster name (default "sishui")
	Host        string // listen host (default 127.0.0.1)
	ClientPort  int
	ClusterPort int
	Routes      []string // host:port of every cluster port (its own may be included)
	StoreDir    string   // JetStream file store
	// MaxStore bounds the node's JetStream file storage in bytes (0: 1 GiB).
	MaxStore int64
}

// Conf renders the node's nats-server configuration. JetStream writes are
// fsynced before they are acknowledged (sync_interval: always), so an
// acknowledgement means "on disk on a quorum of the replicas".
func (n NodeConfig) Conf() string {
	host := n.Host
	if host == "" {
		host = "127.0.0.1"
	}
	cl := n.Cluster
	if cl == "" {
		cl = "sishui"
	}
	ms := n.MaxStore
	if ms <= 0 {
		ms = 1 << 30
	}
	var b strings.Builder
	fmt.Fprintf(&b, "server_name: %q\nlisten: \"%s:%d\"\n", n.Name, host, n.ClientPort)
	fmt.Fprintf(&b, "jetstream {\n  store_dir: %q\n  max_file_store: %d\n  max_memory_store: 67108864\n  sync_interval: always\n}\n", n.StoreDir, ms)
	if n.ClusterPort > 0 {
		fmt.Fprintf(&b, "cluster {\n  name: %q\n  listen: \"%s:%d\"\n  routes: [\n", cl, host, n.ClusterPort)
		for _, r := range n.Routes {
			fmt.Fprintf(&b, "    \"nats-route://%s\"\n", r)
		}
		b.WriteString("  ]\n}\n")
	}
	return b.String()
}

// LoopbackCluster returns the configurations of an n-node cluster on
// loopback: client ports base, base+1, …; cluster ports base+100, ….
func LoopbackCluster(dir string, n, base int) []NodeConfig {
	var routes []string
	for i := range n {
		routes = append(routes, fmt.Sprintf("127.0.0.1:%d", base+100+i))
	}
	out := make([]NodeConfig, n)
	for i := range n {
		out[i] = NodeConfig{Name: fmt.Sprintf("n%d", i+1), ClientPort: base + i, ClusterPort: base + 100 + i,
			Routes: routes, StoreDir: filepath.Join(dir, fmt.Sprintf("n%d", i+1))}
		if n == 1 {
			out[i].ClusterPort, out[i].Routes = 0, nil
		}
	}
	return out
}

// URLs returns the client URLs of nodes, comma-separated.
func URLs(nodes []NodeConfig) string {
	var u []string
	for _, n := range nodes {
		u = append(u, fmt.Sprintf("nats://127.0.0.1:%d", n.ClientPort))
	}
	return strings.Join(u, ",")
}

// StartNode starts a nats-server from a configuration file and waits until it
// accepts clients.
func StartNode(confPath string, logs bool) (*server.Server, error) {
	opts, err := server.ProcessConfigFile(confPath)
	if err != nil {
		return nil, fmt.Errorf("nats config %s: %w", confPath, err)
	}
	opts.NoSigs = true
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, err
	}
	if logs {
		s.ConfigureLogger()
	}
	s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("nats node %s not ready", opts.ServerName)
	}
	return s, nil
}

// WriteConf writes n's configuration to dir/NAME.conf and returns the path.
func WriteConf(dir string, n NodeConfig) (string, error) {
	p := filepath.Join(dir, n.Name+".conf")
	return p, os.WriteFile(p, []byte(n.Conf()), 0o600)
}

// RunNode runs a node until ctx ends (the `sishui nats-node` helper).
func RunNode(ctx context.Context, confPath string) error {
	s, err := StartNode(confPath, true)
	if err != nil {
		return err
	}
	<-ctx.Done()
	s.Shutdown()
	s.WaitForShutdown()
	return nil
}

// FreeLoopbackBase finds a port p such that p … p+n-1 (clients) and p+100 …
// p+100+n-1 (cluster routes) are free on loopback now (for tests).
func FreeLoopbackBase(n int) (int, error) {
	// Below the usual ephemeral range (32768–60999), where outgoing
	// connections do not take the ports between the check and the use.
	for range 500 {
		base := 20000 + rand.IntN(12000-100-n)
		ok := true
		for i := 0; i < n && ok; i++ {
			for _, p := range []int{base + i, base + 100 + i} {
				l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
				if err != nil {
					ok = false
					break
				}
				l.Close()
			}
		}
		if ok {
			return base, nil
		}
	}
	return 0, errors.New("bus: no free loopback ports")
}
