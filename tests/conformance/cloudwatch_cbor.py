"""Reads the sandbox's CloudWatch over Smithy RPC v2 CBOR with botocore's own CBOR serializer and parser.

botocore (under the AWS CLI v1) ranks awsJson above CBOR for CloudWatch, whose model lists smithy-rpc-v2-cbor, json
and query; other SDKs (Go v2, PHP) speak CBOR first. Putting CBOR first here makes the official client speak it.
Prints one JSON object: the protocol used, the 504 target group's p99 and p50 values, and the refusal's error.
Usage: python3 cloudwatch_cbor.py <sandbox url>; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
"""
import datetime
import json
import sys

import botocore.model
import botocore.session

botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS = ("smithy-rpc-v2-cbor",)
client = botocore.session.get_session().create_client("cloudwatch", endpoint_url=sys.argv[1], region_name="us-east-1")
listed = client.list_metrics(Namespace="AWS/ApplicationELB", MetricName="TargetResponseTime")["Metrics"]
metric = next(m for m in listed if any(d["Value"].startswith("targetgroup/quote-engine-tg/") for d in m["Dimensions"]))
now = datetime.datetime.now(datetime.timezone.utc)
queries = [{"Id": stat, "MetricStat": {"Metric": metric, "Period": 300, "Stat": stat}} for stat in ("p99", "p50")]
results = client.get_metric_data(StartTime=now - datetime.timedelta(hours=1), EndTime=now, MetricDataQueries=queries)
try:
    client.get_metric_data(StartTime=now, EndTime=now - datetime.timedelta(hours=1), MetricDataQueries=queries)
    error = None
except client.exceptions.ClientError as refused:
    error = refused.response["Error"]["Code"]
print(json.dumps({
    "protocol": client.meta.service_model.resolved_protocol,
    "values": {r["Id"]: r["Values"] for r in results["MetricDataResults"]},
    "newestFirst": results["MetricDataResults"][0]["Timestamps"][0] > results["MetricDataResults"][0]["Timestamps"][1],
    "error": error,
}))
