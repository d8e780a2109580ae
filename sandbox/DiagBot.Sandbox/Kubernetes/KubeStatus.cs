using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

internal static class KubeStatus
{
    public static JsonObject Failure(KubeException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
        };

        // metav1.Status's reason is omitempty: StatusReasonUnknown ("") is left out of the body.
        if (error.Reason.Length > 0)
        {
            status["reason"] = error.Reason;
        }

        if (error.Name is not null || error.Kind is not null)
        {
            status["details"] = new JsonObject { ["name"] = error.Name, ["kind"] = error.Kind };
        }

        status["code"] = error.Code;
        return status;
    }
}
