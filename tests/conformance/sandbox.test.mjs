// Runs the official AWS SDK for JavaScript v3 clients against a running DiagBot sandbox: if they cannot read it, the
// sandbox is wrong. SANDBOX_URL names the sandbox (e.g. http://127.0.0.1:41234/); the test credentials are its defaults.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ECSClient, DescribeTasksCommand, DescribeTaskDefinitionCommand, ListTasksCommand, DescribeServicesCommand,
  ListContainerInstancesCommand, DescribeContainerInstancesCommand, paginateListClusters, paginateListServices, ListServicesCommand,
  paginateListTaskDefinitions } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand, DescribeLoadBalancerAttributesCommand,
  DescribeTargetGroupsCommand, DescribeTargetHealthCommand, DescribeListenersCommand, DescribeRulesCommand,
  DescribeTagsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { EC2Client, DescribeSubnetsCommand, DescribeRouteTablesCommand, DescribeVpcEndpointsCommand,
  DescribeSecurityGroupsCommand, DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import { CloudWatchLogsClient, GetLogEventsCommand, FilterLogEventsCommand, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand } from "@aws-sdk/client-sts";

const endpoint = process.env.SANDBOX_URL;
assert.ok(endpoint, "set SANDBOX_URL to the sandbox's base address");
const credentials = {
  accessKeyId: process.env.SANDBOX_ACCESS_KEY_ID ?? "AKIDSANDBOX00000000",
  secretAccessKey: process.env.SANDBOX_SECRET_ACCESS_KEY ?? "sandbox/secret",
};
const config = { endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
const ecs = new ECSClient(config);
const elb = new ElasticLoadBalancingV2Client(config);
const ec2 = new EC2Client(config);
const logs = new CloudWatchLogsClient(config);
const cloudtrail = new CloudTrailClient(config);
const sts = new STSClient(config);

async function scenario(name) {
  const response = await fetch(new URL("_sandbox/scenarios", endpoint));
  const all = await response.json();
  const found = all.find((s) => s.name === name);
  assert.ok(found, `scenario ${name} is in the catalogue`);
  return found;
}

test("ECS DescribeTasks reads the OOM task and the stop-timeout task", async () => {
  const oom = await scenario("p07-task-oom");
  const sigkill = await scenario("lookalike-137-stop-timeout");
  const out = await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: [oom.subject, sigkill.subject], include: ["TAGS"] }));
  assert.equal(out.tasks.length, 2);
  const [a, b] = [oom.subject, sigkill.subject].map((arn) => out.tasks.find((t) => t.taskArn === arn));
  assert.equal(a.stopCode, "EssentialContainerExited");
  assert.equal(a.stoppedReason, "Essential container in task exited");
  assert.equal(a.containers[0].exitCode, 137);
  assert.equal(a.containers[0].reason, "OutOfMemoryError: Container killed due to memory usage");
  assert.ok(a.stoppedAt instanceof Date && a.stoppedAt < new Date());
  assert.equal(a.attachments[0].type, "ElasticNetworkInterface");
  assert.ok(a.attachments[0].details.some((d) => d.name === "subnetId" && d.value.startsWith("subnet-")));
  assert.equal(b.stopCode, "ServiceSchedulerInitiated");
  assert.equal(b.containers[0].exitCode, 137);
  assert.equal(b.containers[0].reason, undefined);
});

test("ECS DescribeTasks lists an unknown task under failures as MISSING", async () => {
  const out = await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: ["0123456789abcdef0123456789abcdef"] }));
  assert.equal(out.tasks.length, 0);
  assert.equal(out.failures[0].reason, "MISSING");
});

test("ECS DescribeTaskDefinition returns limits, secrets and runtime platform", async () => {
  const oom = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "invoice-renderer:14" }));
  assert.equal(oom.taskDefinition.memory, "512");
  assert.equal(oom.taskDefinition.containerDefinitions[0].memory, 512);
  assert.equal(oom.taskDefinition.containerDefinitions[0].logConfiguration.options["awslogs-group"], "/ecs/renderer");
  const secrets = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "billing-worker" }));
  assert.match(secrets.taskDefinition.containerDefinitions[0].secrets[0].valueFrom, /^arn:aws:secretsmanager:/);
  assert.match(secrets.taskDefinition.executionRoleArn, /billing-worker-execution-role$/);
  const arm = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "pdf-renderer:5" }));
  assert.equal(arm.taskDefinition.runtimePlatform.cpuArchitecture, "ARM64");
  await assert.rejects(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "nothing:1" })),
    (e) => e.name === "ClientException" && e.message === "Unable to describe task definition.");
});

test("ECS ListTasks, DescribeServices and container instances", async () => {
  const stopped = await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "notification-worker", desiredStatus: "STOPPED" }));
  assert.equal(stopped.taskArns.length, 3);
  const services = await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["catalog-api", "missing-service"] }));
  const catalog = services.services[0];
  assert.equal(catalog.loadBalancers[0].containerPort, 8080);
  assert.match(catalog.events.map((e) => e.message).join("\n"), /failed ELB health checks/);
  assert.equal(catalog.deploymentConfiguration.minimumHealthyPercent, 100);
  assert.ok(catalog.deployments[0].createdAt instanceof Date);
  assert.equal(services.failures[0].reason, "MISSING");
  const list = await ecs.send(new ListContainerInstancesCommand({ cluster: "prod-ec2" }));
  assert.equal(list.containerInstanceArns.length, 2);
  const described = await ecs.send(new DescribeContainerInstancesCommand({ cluster: "prod-ec2", containerInstances: list.containerInstanceArns }));
  const memory = described.containerInstances[0].remainingResources.find((r) => r.name === "MEMORY");
  assert.equal(memory.integerValue, 1536);
  await assert.rejects(ecs.send(new ListTasksCommand({ cluster: "nowhere" })), (e) => e.name === "ClusterNotFoundException");
});

test("ECS ListClusters and ListServices page through every cluster and service", async () => {
  const clusters = [];
  for await (const page of paginateListClusters({ client: ecs, pageSize: 1 }, {})) {
    assert.ok(page.clusterArns.length <= 1);
    clusters.push(...page.clusterArns);
  }
  assert.ok(clusters.includes("arn:aws:ecs:us-east-1:111122223333:cluster/prod"), clusters.join(", "));
  assert.equal(new Set(clusters).size, clusters.length);
  const services = [];
  for await (const page of paginateListServices({ client: ecs, pageSize: 2 }, { cluster: "prod" })) {
    assert.ok(page.serviceArns.length <= 2);
    services.push(...page.serviceArns);
  }
  assert.ok(services.includes("arn:aws:ecs:us-east-1:111122223333:service/prod/storefront"), services.join(", "));
  assert.equal(new Set(services).size, services.length);
  const firstPage = await ecs.send(new ListServicesCommand({ cluster: "prod" }));
  assert.ok(firstPage.serviceArns.length <= 10);
  await assert.rejects(ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 101 })), (e) => e.name === "InvalidParameterException");
});

test("ECS ListTaskDefinitions pages newest first with sort DESC, one family with familyPrefix", async () => {
  const newestFirst = [];
  for await (const page of paginateListTaskDefinitions({ client: ecs, pageSize: 2 }, { sort: "DESC" })) {
    assert.ok(page.taskDefinitionArns.length <= 2);
    newestFirst.push(...page.taskDefinitionArns);
  }
  assert.ok(newestFirst.includes("arn:aws:ecs:us-east-1:111122223333:task-definition/invoice-renderer:14"), newestFirst.join(", "));
  const oldestFirst = [];
  for await (const page of paginateListTaskDefinitions({ client: ecs }, {})) {
    oldestFirst.push(...page.taskDefinitionArns);
  }
  assert.deepEqual(newestFirst, [...oldestFirst].reverse());
  const family = [];
  for await (const page of paginateListTaskDefinitions({ client: ecs }, { familyPrefix: "invoice-renderer" })) {
    family.push(...page.taskDefinitionArns);
  }
  assert.ok(family.length > 0 && family.every((arn) => arn.includes(":task-definition/invoice-renderer:")), family.join(", "));
});

test("ELBv2 describes load balancers, attributes, target groups and target health", async () => {
  const lbs = await elb.send(new DescribeLoadBalancersCommand({ Names: ["prod-internal"] }));
  assert.equal(lbs.LoadBalancers[0].Scheme, "internal");
  const attributes = await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lbs.LoadBalancers[0].LoadBalancerArn }));
  assert.equal(attributes.Attributes.find((a) => a.Key === "idle_timeout.timeout_seconds").Value, "60");
  const groups = await elb.send(new DescribeTargetGroupsCommand({ Names: ["catalog-api-tg", "storefront-tg"] }));
  const catalog = groups.TargetGroups.find((g) => g.TargetGroupName === "catalog-api-tg");
  assert.equal(catalog.HealthCheckPath, "/healthz");
  assert.equal(catalog.Matcher.HttpCode, "200");
  assert.equal(groups.TargetGroups.find((g) => g.TargetGroupName === "storefront-tg").TargetType, "instance");
  const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: catalog.TargetGroupArn }));
  assert.equal(health.TargetHealthDescriptions[0].TargetHealth.State, "unhealthy");
  assert.equal(health.TargetHealthDescriptions[0].TargetHealth.Reason, "Target.Timeout");
  assert.equal(health.TargetHealthDescriptions[0].Target.Port, 8080);
  const page = await elb.send(new DescribeTargetGroupsCommand({ PageSize: 1 }));
  assert.equal(page.TargetGroups.length, 1);
  assert.ok(page.NextMarker);
  await assert.rejects(elb.send(new DescribeTargetGroupsCommand({ Names: ["nope"] })), (e) => e.name === "TargetGroupNotFoundException");
});

test("ELBv2 DescribeListeners and DescribeRules: the rules forward to the groups that name the load balancer", async () => {
  const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ["prod-public"] }))).LoadBalancers;
  const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn, PageSize: 1 }));
  assert.equal(Listeners.length, 1);
  const all = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners;
  assert.deepEqual(all.map((l) => [l.Port, l.DefaultActions[0].Type]), [[80, "redirect"], [443, "fixed-response"]]);
  const https = all.find((l) => l.Port === 443);
  const { Rules } = await elb.send(new DescribeRulesCommand({ ListenerArn: https.ListenerArn }));
  assert.equal(Rules.at(-1).Priority, "default");
  assert.equal(Rules.at(-1).IsDefault, true);
  const forwarded = new Set(Rules.flatMap((r) => r.Actions.flatMap((a) => (a.ForwardConfig?.TargetGroups ?? []).map((g) => g.TargetGroupArn))));
  const groups = (await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).TargetGroups;
  assert.deepEqual(groups.map((g) => g.TargetGroupArn).sort(), [...forwarded].sort());
  assert.ok(Rules.filter((r) => !r.IsDefault).every((r) => r.Conditions[0].Field === "host-header" && r.Conditions[0].HostHeaderConfig.Values.length === 1));
});

test("ELBv2 DescribeTags: the controller's tracking tags on its groups, none on a group made for ECS", async () => {
  const groups = (await elb.send(new DescribeTargetGroupsCommand({ Names: ["k8s-checkout-receipta-5e1d8b3f9a", "catalog-api-tg"] }))).TargetGroups;
  const eks = groups.find((g) => g.TargetGroupName.startsWith("k8s-"));
  const ecs = groups.find((g) => g.TargetGroupName === "catalog-api-tg");
  const { TagDescriptions } = await elb.send(new DescribeTagsCommand({ ResourceArns: [eks.TargetGroupArn, ecs.TargetGroupArn] }));
  const tags = Object.fromEntries(TagDescriptions.find((d) => d.ResourceArn === eks.TargetGroupArn).Tags.map((t) => [t.Key, t.Value]));
  assert.deepEqual(tags, {
    "elbv2.k8s.aws/cluster": "prod-eks",
    "ingress.k8s.aws/stack": "checkout/receipt-api",
    "ingress.k8s.aws/resource": "checkout/receipt-api-receipt-api:80",
  });
  assert.deepEqual(TagDescriptions.find((d) => d.ResourceArn === ecs.TargetGroupArn).Tags ?? [], []);
  await assert.rejects(elb.send(new DescribeTagsCommand({ ResourceArns: [ecs.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0000000000000000")] })),
    (e) => e.name === "TargetGroupNotFoundException");
});

test("CloudWatch Logs has every log group the seeded task definitions name", async () => {
  const names = [];
  for await (const page of paginateDescribeLogGroups({ client: logs, pageSize: 5 }, { logGroupNamePrefix: "/ecs/" })) {
    names.push(...page.logGroups.map((g) => g.logGroupName));
  }
  for (const family of ["notification-worker:31", "storefront:23", "billing-worker:19"]) {
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
    for (const c of taskDefinition.containerDefinitions) {
      assert.ok(names.includes(c.logConfiguration.options["awslogs-group"]), `${family} names ${c.logConfiguration.options["awslogs-group"]}`);
    }
  }
});

test("EC2 describes subnets, route tables, endpoints and security groups with filters", async () => {
  const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["prod-batch-a"] }] }));
  assert.equal(subnets.Subnets.length, 1);
  assert.equal(subnets.Subnets[0].AvailableIpAddressCount, 0);
  const byId = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnets.Subnets[0].SubnetId] }));
  assert.equal(byId.Subnets[0].CidrBlock, "10.0.64.0/24");
  const tables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: [subnets.Subnets[0].SubnetId] }] }));
  assert.ok(tables.RouteTables[0].Routes.some((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.NatGatewayId?.startsWith("nat-")));
  const endpoints = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [
    { Name: "vpc-id", Values: [subnets.Subnets[0].VpcId] }, { Name: "vpc-endpoint-type", Values: ["Gateway"] },
    { Name: "service-name", Values: ["com.amazonaws.us-east-1.s3"] }] }));
  assert.equal(endpoints.VpcEndpoints.length, 1);
  assert.equal(endpoints.VpcEndpoints[0].RouteTableIds.length, 1);
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["catalog-api-tasks"] }] }));
  const rule = groups.SecurityGroups[0].IpPermissions[0];
  assert.equal(rule.FromPort, 80);
  assert.match(rule.UserIdGroupPairs[0].GroupId, /^sg-/);
  await assert.rejects(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-00000000000000000"] })), (e) => e.name === "InvalidSubnetID.NotFound");
});

test("EC2 DescribeNetworkInterfaces reads a pod's branch interface and its groups, by filter and by id", async () => {
  const found = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [
    { Name: "interface-type", Values: ["branch"] }, { Name: "addresses.private-ip-address", Values: ["10.0.6.142"] }] }));
  const branch = found.NetworkInterfaces[0];
  assert.equal(found.NetworkInterfaces.length, 1);
  assert.equal(branch.InterfaceType, "branch");
  assert.equal(branch.Groups[0].GroupName, "ledger-api-pods");
  assert.match(branch.Groups[0].GroupId, /^sg-[0-9a-f]{17}$/);
  assert.equal(branch.Attachment, undefined);
  const byId = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [branch.NetworkInterfaceId] }));
  assert.deepEqual(byId.NetworkInterfaces[0].Groups, branch.Groups);
  await assert.rejects(ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ["eni-00000000000000000"] })),
    (e) => e.name === "InvalidNetworkInterfaceID.NotFound");
});

test("CloudWatch Logs GetLogEvents pages and FilterLogEvents matches", async () => {
  const tasks = await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "notification-worker", desiredStatus: "STOPPED" }));
  const stream = `ecs/notifier/${tasks.taskArns[0].split("/").pop()}`;
  const first = await logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/notifier", logStreamName: stream, startFromHead: true, limit: 2 }));
  assert.equal(first.events.length, 2);
  assert.equal(typeof first.events[0].timestamp, "number");
  const second = await logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/notifier", logStreamName: stream, nextToken: first.nextForwardToken, limit: 2 }));
  assert.match(second.events.map((e) => e.message).join("\n"), /SMTP_HOST is not set/);
  const filtered = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/notifier", filterPattern: "FATAL" }));
  assert.equal(filtered.events.length, 3);
  assert.ok(filtered.events.every((e) => e.logStreamName.startsWith("ecs/notifier/")));
  await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/none", logStreamName: "x" })), (e) => e.name === "ResourceNotFoundException");
});

test("CloudTrail LookupEvents returns the denied GetSecretValue with its record", async () => {
  const out = await cloudtrail.send(new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "GetSecretValue" }],
    StartTime: new Date(Date.now() - 3600_000), EndTime: new Date(),
  }));
  assert.equal(out.Events.length, 1);
  const record = JSON.parse(out.Events[0].CloudTrailEvent);
  assert.equal(record.errorCode, "AccessDenied");
  assert.match(record.errorMessage, /secretsmanager:GetSecretValue/);
  assert.match(record.userIdentity.arn, /assumed-role\/billing-worker-execution-role\//);
  assert.equal(out.Events[0].EventSource, "secretsmanager.amazonaws.com");
  assert.ok(out.Events[0].EventTime instanceof Date);
});

test("STS GetCallerIdentity and AssumeRole credentials that the sandbox then accepts", async () => {
  const me = await sts.send(new GetCallerIdentityCommand({}));
  assert.equal(me.Account, "111122223333");
  const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::444455556666:role/diagbot-read", RoleSessionName: "conformance" }));
  assert.match(assumed.Credentials.AccessKeyId, /^ASIA/);
  assert.ok(assumed.Credentials.Expiration instanceof Date);
  const other = new STSClient({ ...config, credentials: {
    accessKeyId: assumed.Credentials.AccessKeyId, secretAccessKey: assumed.Credentials.SecretAccessKey, sessionToken: assumed.Credentials.SessionToken } });
  const them = await other.send(new GetCallerIdentityCommand({}));
  assert.equal(them.Account, "444455556666");
  assert.equal(them.Arn, "arn:aws:sts::444455556666:assumed-role/diagbot-read/conformance");
});

test("A wrong secret fails with the signature error", async () => {
  const wrong = { ...config, credentials: { ...credentials, secretAccessKey: "not-the-secret" } };
  await assert.rejects(new ECSClient(wrong).send(new DescribeTasksCommand({ cluster: "prod", tasks: ["x"] })),
    (e) => e.name === "InvalidSignatureException" && e.$metadata.httpStatusCode === 403);
  await assert.rejects(new STSClient(wrong).send(new GetCallerIdentityCommand({})), (e) => e.name === "SignatureDoesNotMatch");
  await assert.rejects(new EC2Client(wrong).send(new DescribeSubnetsCommand({})), (e) => e.name === "SignatureDoesNotMatch");
});
