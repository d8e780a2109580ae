// Runs the official AWS SDK for JavaScript v3 CloudWatch client against a running DiagBot sandbox, over the client's
// default protocol (awsJson1_0 with awsQueryCompatible errors). SANDBOX_URL names the sandbox.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";

const endpoint = process.env.SANDBOX_URL;
assert.ok(endpoint, "set SANDBOX_URL to the sandbox's base address");
const credentials = {
  accessKeyId: process.env.SANDBOX_ACCESS_KEY_ID ?? "AKIDSANDBOX00000000",
  secretAccessKey: process.env.SANDBOX_SECRET_ACCESS_KEY ?? "sandbox/secret",
};
const cloudwatch = new CloudWatchClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });

async function scenario(name) {
  const all = await (await fetch(new URL("_sandbox/scenarios", endpoint))).json();
  return all.find((s) => s.name === name);
}

async function metricOf(namespace, metricName, dimension, valueStart) {
  const out = await cloudwatch.send(new ListMetricsCommand({ Namespace: namespace, MetricName: metricName }));
  const found = out.Metrics.find((m) => m.Dimensions.some((d) => d.Name === dimension && d.Value.startsWith(valueStart)));
  assert.ok(found, `${metricName} with ${dimension} ${valueStart}... is listed`);
  return found;
}

test("GetMetricData: the OOM task's Container Insights memory reaches its 512 MiB limit before the kill", async () => {
  const oom = await scenario("p07-task-oom");
  const taskId = oom.subject.split("/").pop();
  const metric = await metricOf("ECS/ContainerInsights", "MemoryUtilized", "TaskId", taskId);
  const reserved = { ...metric, MetricName: "MemoryReserved" };
  const end = new Date();
  const out = await cloudwatch.send(new GetMetricDataCommand({
    StartTime: new Date(end - 3 * 3600_000), EndTime: end, ScanBy: "TimestampAscending",
    MetricDataQueries: [
      { Id: "used", MetricStat: { Metric: metric, Period: 60, Stat: "Maximum" } },
      { Id: "limit", MetricStat: { Metric: reserved, Period: 60, Stat: "Maximum" } },
    ],
  }));
  const [used, limit] = out.MetricDataResults;
  assert.equal(used.StatusCode, "Complete");
  assert.ok(used.Timestamps[0] instanceof Date && used.Timestamps[0] < used.Timestamps.at(-1), "ascending timestamps");
  assert.equal(used.Values.at(-1), 512);
  assert.ok(used.Values[0] < 256, "memory started well under the limit");
  assert.ok(limit.Values.every((v) => v === 512));
});

test("GetMetricData: the 504 load balancer's p99 response time sits at its 60 s idle timeout, p50 in milliseconds", async () => {
  const metric = await metricOf("AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", "targetgroup/quote-engine-tg/");
  const end = new Date();
  const out = await cloudwatch.send(new GetMetricDataCommand({
    StartTime: new Date(end - 3600_000), EndTime: end,
    MetricDataQueries: [
      { Id: "p99", MetricStat: { Metric: metric, Period: 300, Stat: "p99" } },
      { Id: "p50", MetricStat: { Metric: metric, Period: 300, Stat: "p50" }, Label: "median" },
    ],
  }));
  const [p99, p50] = out.MetricDataResults;
  assert.ok(p99.Values.length >= 11, "one point per 5 minutes of the hour");
  assert.ok(p99.Timestamps[0] > p99.Timestamps[1], "newest first by default");
  assert.ok(p99.Values.every((v) => v === 60));
  assert.equal(p50.Label, "median");
  assert.ok(p50.Values.every((v) => v < 0.1));
});

test("GetMetricData: the 503 target group has had no healthy host since the deployment 40 minutes ago", async () => {
  const metric = await metricOf("AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", "targetgroup/storefront-tg/");
  const end = new Date();
  const out = await cloudwatch.send(new GetMetricDataCommand({
    StartTime: new Date(end - 2 * 3600_000), EndTime: end, ScanBy: "TimestampAscending",
    MetricDataQueries: [{ Id: "healthy", MetricStat: { Metric: metric, Period: 60, Stat: "Minimum" } }],
  }));
  const { Timestamps, Values } = out.MetricDataResults[0];
  const firstZero = Timestamps[Values.indexOf(0)];
  assert.equal(Values[0], 2);
  assert.ok(Math.abs((end - firstZero) / 60_000 - 40) <= 2, `healthy hosts fell to 0 about 40 minutes ago (${firstZero.toISOString()})`);
  assert.ok(Values.slice(Values.indexOf(0)).every((v) => v === 0));
});

test("GetMetricData: an end before the start is refused with CloudWatch's InvalidParameterValue", async () => {
  const end = new Date();
  await assert.rejects(
    cloudwatch.send(new GetMetricDataCommand({
      StartTime: end, EndTime: new Date(end - 3600_000),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName: "MemoryUtilization" }, Period: 60, Stat: "Average" } }],
    })),
    (error) => error.name === "InvalidParameterValue" || error.name === "InvalidParameterValueException");
});
