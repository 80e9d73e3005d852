// Command promparse reads the Prometheus text exposition format on stdin, parses it with the
// reference parser (github.com/prometheus/common/expfmt, legacy metric names), and prints the
// families as JSON on stdout: the tests check /metrics with what Prometheus itself reads.
// A parse error goes to stderr with exit status 1.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

type sample struct {
	Name   string            `json:"name"`
	Labels map[string]string `json:"labels"`
	Value  float64           `json:"value"`
}

type family struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Help    string   `json:"help"`
	Samples []sample `json:"samples"`
}

func main() {
	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	names := make([]string, 0, len(families))
	for name := range families {
		names = append(names, name)
	}
	sort.Strings(names)
	out := make([]family, 0, len(names))
	for _, name := range names {
		out = append(out, convert(families[name]))
	}
	encoder := json.NewEncoder(os.Stdout)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// convert flattens a family into the samples a scrape stores: one per counter, gauge or untyped
// metric, and _bucket (with le), _sum and _count for a histogram or summary.
func convert(f *dto.MetricFamily) family {
	result := family{Name: f.GetName(), Type: f.GetType().String(), Help: f.GetHelp(), Samples: []sample{}}
	for _, m := range f.GetMetric() {
		labels := map[string]string{}
		for _, pair := range m.GetLabel() {
			labels[pair.GetName()] = pair.GetValue()
		}
		with := func(name, value string) map[string]string {
			copied := map[string]string{name: value}
			for k, v := range labels {
				copied[k] = v
			}
			return copied
		}
		switch f.GetType() {
		case dto.MetricType_COUNTER:
			result.Samples = append(result.Samples, sample{f.GetName(), labels, m.GetCounter().GetValue()})
		case dto.MetricType_GAUGE:
			result.Samples = append(result.Samples, sample{f.GetName(), labels, m.GetGauge().GetValue()})
		case dto.MetricType_UNTYPED:
			result.Samples = append(result.Samples, sample{f.GetName(), labels, m.GetUntyped().GetValue()})
		case dto.MetricType_HISTOGRAM:
			h := m.GetHistogram()
			for _, b := range h.GetBucket() {
				le := strconv.FormatFloat(b.GetUpperBound(), 'g', -1, 64)
				result.Samples = append(result.Samples, sample{f.GetName() + "_bucket", with("le", le),
					float64(b.GetCumulativeCount())})
			}
			result.Samples = append(result.Samples, sample{f.GetName() + "_sum", labels, h.GetSampleSum()})
			result.Samples = append(result.Samples, sample{f.GetName() + "_count", labels,
				float64(h.GetSampleCount())})
		case dto.MetricType_SUMMARY:
			s := m.GetSummary()
			for _, q := range s.GetQuantile() {
				result.Samples = append(result.Samples, sample{f.GetName(),
					with("quantile", strconv.FormatFloat(q.GetQuantile(), 'g', -1, 64)), q.GetValue()})
			}
			result.Samples = append(result.Samples, sample{f.GetName() + "_sum", labels, s.GetSampleSum()})
			result.Samples = append(result.Samples, sample{f.GetName() + "_count", labels,
				float64(s.GetSampleCount())})
		}
	}
	return result
}
