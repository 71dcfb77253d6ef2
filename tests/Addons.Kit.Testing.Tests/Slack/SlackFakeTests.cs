using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Addons.Kit.Testing.Slack;

namespace Addons.Kit.Testing.Tests.Slack;

public sealed class SlackFakeTests
{
    private const string Edit = """{"canvas_id":"F1","changes":[{"operation":"replace","document_content":{"type":"markdown","markdown":"# hi"}}]}""";

    [Fact]
    public async Task CanvasesEdit_Replace_StoresMarkdownAndRecords()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = "xoxb-1" }, cts.Token);
        using var http = Client("xoxb-1");

        var body = await PostAsync(http, slack.ApiUrl + "/canvases.edit", Edit, cts.Token);

        Assert.Equal("""{"ok":true}""", body);
        Assert.Equal("# hi", slack.CanvasMarkdown("F1"));
        Assert.Equal("Bearer xoxb-1", slack.Received.Single().Authorization);
    }

    [Fact]
    public async Task GetCanvas_AfterEdit_ShowsTheMarkdownWithoutRecordingIt()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = "xoxb-1" }, cts.Token);
        using var http = Client("xoxb-1");
        await PostAsync(http, slack.ApiUrl + "/canvases.edit", Edit, cts.Token);

        using var viewer = new HttpClient();
        var shown = await viewer.GetStringAsync(new Uri(slack.BaseUrl + "/canvases/F1"), cts.Token);
        using var missing = await viewer.GetAsync(new Uri(slack.BaseUrl + "/canvases/F404"), cts.Token);

        Assert.Equal("# hi", shown);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Single(slack.Received);
    }

    [Theory]
    [InlineData("xoxb-wrong", null, "invalid_auth")]
    [InlineData("xoxb-1", "canvas_not_found", "canvas_not_found")]
    public async Task CanvasesEdit_Failure_IsOkFalseWithError(string token, string? injected, string expected)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = "xoxb-1" }, cts.Token);
        if (injected is not null)
        {
            slack.FailNext(injected);
        }

        using var http = Client(token);

        var body = await PostAsync(http, slack.ApiUrl + "/canvases.edit", Edit, cts.Token);

        Assert.Equal($$"""{"ok":false,"error":"{{expected}}"}""", body);
        Assert.Null(slack.CanvasMarkdown("F1"));
        Assert.Equal(expected, slack.Received.Single().Error);
    }

    [Fact]
    public async Task Webhook_RateLimitedOnce_Is429ThenOk()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var slack = await SlackFake.StartAsync(null, cts.Token);
        slack.RateLimitNext(1, TimeSpan.FromSeconds(2));
        using var http = new HttpClient();

        using var first = await http.PostAsync(slack.WebhookUrl, new StringContent("""{"text":"x"}""", Encoding.UTF8, "application/json"), cts.Token);
        using var second = await http.PostAsync(slack.WebhookUrl, new StringContent("""{"text":"x"}""", Encoding.UTF8, "application/json"), cts.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ok", await second.Content.ReadAsStringAsync(cts.Token));
        Assert.Equal([429, 200], slack.Received.Select(r => r.StatusCode));
    }

    private static HttpClient Client(string token)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string> PostAsync(HttpClient http, string url, string json, CancellationToken ct)
    {
        using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        return await response.Content.ReadAsStringAsync(ct);
    }
}
