using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Request durations written as bare numbers by structured loggers, each read in its logger's documented unit. The lines
/// are shaped as each logger writes them (field names and value types), for one 87.412 s request.
/// </summary>
public sealed class StructuredDurationTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(87412);

    public static TheoryData<string, string> LoggerLines() => new()
    {
        // pino-http (Node): responseTime in milliseconds.
        { "responseTime", """{"level":30,"time":1768038067123,"pid":1,"hostname":"orders-7f9c6d5b8-k7p2""" +
            """n","req":{"id":88,"method":"POST","url":"/export"},"res":{"statusCode":200},"responseTime":87412,"msg":"request completed"}""" },

        // zap's production encoder (Go): durations as float seconds.
        { "latency", """{"level":"info","ts":1768038067.123,"caller":"middleware/log.go:42","msg":"reques""" +
            """t","method":"POST","path":"/export","status":200,"latency":87.412}""" },

        // log/slog's JSONHandler (Go): a time.Duration as integer nanoseconds.
        { "duration", """{"time":"2026-01-10T09:41:07.123Z","level":"INFO","msg":"request done","method":"POST","path":"/expor""" +
            """t","status":200,"duration":87412000000}""" },

        // logrus's JSONFormatter (Go): the same encoding/json nanoseconds.
        { "duration", """{"duration":87412000000,"level":"info","msg":"request done","path":"/export","time":"2026-01-10T09:41:07Z"}""" },

        // Serilog.AspNetCore request logging in compact JSON (.NET): Elapsed in milliseconds.
        { "Elapsed", """{"@t":"2026-01-10T09:41:07.1234567Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} m""" +
            """s","RequestMethod":"POST","RequestPath":"/export","StatusCode":200,"Elapsed":87412.0}""" },

        // ASP.NET Core's JSON console formatter (.NET): the hosting event's ElapsedMilliseconds in State.
        { "ElapsedMilliseconds", """{"EventId":2,"LogLevel":"Information","Category":"Microsoft.AspNetCore.Hosting.Diagnostic""" +
            """s","Message":"Request finished","State":{"ElapsedMilliseconds":87412,"StatusCode":200}}""" },

        // logstash-logback-encoder's access event (Java): elapsed_time in milliseconds.
        { "elapsed_time", """{"@timestamp":"2026-01-10T09:41:07.123+00:00","@version":"1","message":"10.0.1.5 - - \"POST /export HTTP/1.1\" 200 51""" +
            """2","method":"POST","status_code":200,"requested_uri":"/export","content_length":512,"elapsed_time":87412}""" },

        // nginx with log_format escape=json: $request_time in seconds, written as a string.
        { "request_time", """{"time_local":"10/Jan/2026:09:41:07 +0000","remote_addr":"10.0.1.5","request":"POST /export HTTP/1.""" +
            """1","status":"200","request_time":"87.412","upstream_response_time":"-"}""" },

        // nginx's documented log_format example: rt=$request_time (seconds).
        { "rt", """10.0.1.5 - - [10/Jan/2026:09:41:07 +0000] "POST /export HTTP/1.1" 200 512 "-" "curl/8.5.0" """ +
            """rt=87.412 uct="0.001" uht="0.002" urt="0.003" """ },

        // gunicorn (Python) with %(L)s: request time in decimal seconds.
        { "request_time", """10.0.1.5 [10/Jan/2026:09:41:07 +0000] "POST /export HTTP/1.1" 200 512 request_time=87.412""" },

        // log/slog's TextHandler (Go): a Duration as time.Duration.String writes it.
        { "duration", """time=2026-01-10T09:41:07.123Z level=INFO msg="request done" path=/export status=200 duration=1m27.412s""" },

        // An ALB access log entry: target_processing_time in seconds.
        { "target_processing_time", """https 2026-01-10T09:41:07.123456Z app/storefront-alb/50dc6c495c0c9188 203.0.113.7:46532 10.0.45.12:8080 """ +
            """0.000 87.412 0.000 200 200 34 366 "POST https://shop.example.com:443/export HTTP/1.1" "curl/8.5.0" - -""" },
    };

    public static TheoryData<string> UnsettledLines() => new()
    {
        // A configured timeout is not a request's duration.
        """{"level":"info","msg":"client configured","timeout_ms":90000}""",

        // "duration" from a logger whose unit no convention settles.
        """{"severity":"INFO","message":"batch done","duration":87}""",

        // slog writes integers: a float under its keys is someone else's convention.
        """{"time":"2026-01-10T09:41:07Z","level":"INFO","msg":"x","duration":87.5}""",

        // "durations" is not "duration" in seconds.
        """{"level":"info","msg":"summary","durations":12}""",

        // An ALB 504: the target never answered (-1), and the load balancer spent a millisecond.
        """https 2026-01-10T09:41:07.123456Z app/storefront-alb/50dc6c495c0c9188 203.0.113.7:46532 10.0.45.12:8080 """ +
            """0.001 -1 -1 504 - 34 366 "POST https://shop.example.com:443/export HTTP/1.1" "curl/8.5.0" - -""",
    };

    [Theory]
    [MemberData(nameof(LoggerLines))]
    public void In_OneLoggersLine_ReadsTheDurationInItsUnit(string field, string line)
    {
        var read = StructuredDuration.In(line).ToList();

        Assert.Contains((Slow, field), read.Select(d => (TimeSpan.FromMilliseconds(Math.Round(d.Duration.TotalMilliseconds)), d.Field)));
    }

    [Theory]
    [MemberData(nameof(UnsettledLines))]
    public void In_NumbersWhoseUnitIsNotSettled_AreNotRequestDurations(string line)
    {
        var read = StructuredDuration.In(line).Where(d => d.Duration >= TimeSpan.FromSeconds(1)).ToList();

        Assert.Empty(read);
    }

    [Fact]
    public void In_AspNetCoreMessageAndItsState_CountTheRequestOnce()
    {
        const string Line = """{"Category":"Microsoft.AspNetCore.Hosting.Diagnostic""" +
            """s","Message":"Request finished HTTP/1.1 POST http://orders/export - 200 - application/json 87412ms","State":{"ElapsedMilliseconds":87412}}""";

        var read = RequestDuration.In([new LogEvent(DateTimeOffset.UnixEpoch, Line, null)]);

        Assert.Equal(Slow, Assert.Single(read).Duration);
    }
}
