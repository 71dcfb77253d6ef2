using System.Net;
using System.Text;
using Addons.Aws.Credentials;
using Addons.Aws.Sts;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Credentials;

/// <summary>The credential chain and its sources with fake environments, token files, endpoints and clocks.</summary>
public sealed class CredentialChainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-creds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact(Timeout = TestAws.Timeout)]
    public async Task Create_EnvironmentKeys_WinOverEveryOtherSource()
    {
        var env = AwsEnvironment.From(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAENV",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "token",
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/nowhere",
            ["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/x",
        });
        using var http = new HttpClient();

        var credentials = await CredentialChain.Create(env, http, "us-east-1", TimeProvider.System).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("AKIAENV", "secret", "token", "environment"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, credentials.Source));
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together")]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")]
    [InlineData("NOTHING", "no AWS credentials: set AWS_ACCESS_KEY_ID")]
    public void Create_IncompleteEnvironment_FailsNamingTheSettings(string variable, string message)
    {
        var env = AwsEnvironment.From(new Dictionary<string, string> { [variable] = "x" });
        using var http = new HttpClient();

        var e = Assert.Throws<AwsConfigurationException>(() => CredentialChain.Create(env, http, "us-east-1", TimeProvider.System));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task WebIdentity_TokenFileRotated_ReReadOnRefreshBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var aws = await TestAws.StartAsync(new Kit.Testing.Aws.AwsEmulatorOptions { TimeProvider = time, SessionDuration = TimeSpan.FromMinutes(15) });
        var tokenFile = Path.Combine(_dir, "token");
        await File.WriteAllTextAsync(tokenFile, "projected-token-1\n");
        var env = AwsEnvironment.From(new Dictionary<string, string>
        {
            ["AWS_ROLE_ARN"] = "arn:aws:iam::111122223333:role/kuo",
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
            ["AWS_ROLE_SESSION_NAME"] = "kuo-pod",
            ["AWS_ENDPOINT_URL_STS"] = aws.Endpoint,
        });
        using var http = new HttpClient();
        var provider = CredentialChain.Create(env, http, "us-east-1", time);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        await File.WriteAllTextAsync(tokenFile, "projected-token-2\n");
        var cached = await provider.GetCredentialsAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);
        var identity = await new StsClient(http, new Uri(aws.Endpoint), "us-east-1", provider, time).GetCallerIdentityAsync(CancellationToken.None);

        Assert.IsType<WebIdentityCredentialsProvider>(provider);
        Assert.Equal("web-identity", first.Source);
        Assert.Same(first, cached);
        Assert.NotEqual(first.AccessKeyId, refreshed.AccessKeyId);
        Assert.Equal(["projected-token-1", "projected-token-2"], aws.WebIdentityTokensSeen);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/kuo/kuo-pod", identity.Arn);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task Container_PodIdentityAgent_SendsTheTokenFileAndRefreshes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var tokenFile = Path.Combine(_dir, "eks-pod-identity-token");
        await File.WriteAllTextAsync(tokenFile, "agent-token-1");
        var agent = new FakeAgent(time);
        var env = AwsEnvironment.From(new Dictionary<string, string>
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://169.254.170.23/v1/credentials",
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile,
        });
        using var http = new HttpClient(agent);
        var provider = CredentialChain.Create(env, http, "us-east-1", time);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        await File.WriteAllTextAsync(tokenFile, "agent-token-2");
        time.Advance(TimeSpan.FromMinutes(56));
        var second = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("ASIAAGENT1", "container"), (first.AccessKeyId, first.Source));
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(56) + TimeSpan.FromHours(1), first.Expiration);
        Assert.Equal("ASIAAGENT2", second.AccessKeyId);
        Assert.Equal(["agent-token-1", "agent-token-2"], agent.Authorizations);
        Assert.Equal("http://169.254.170.23/v1/credentials", agent.Uris.Distinct().Single());
    }

    [Fact]
    public void Container_PlainHttpToAnotherHost_IsRefused()
    {
        var env = AwsEnvironment.From(new Dictionary<string, string> { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://example.com/creds" });
        using var http = new HttpClient();

        var e = Assert.Throws<AwsConfigurationException>(() => CredentialChain.Create(env, http, "us-east-1", TimeProvider.System));

        Assert.Contains("is not accepted", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task Container_AgentAnswers500_IsTransient()
    {
        var agent = new FakeAgent(TimeProvider.System) { Status = HttpStatusCode.InternalServerError };
        using var http = new HttpClient(agent);
        using var provider = new ContainerCredentialsProvider(http, new Uri("http://127.0.0.1:1/creds"), null, "static-token", TimeProvider.System);

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.True(e.IsTransient);
        Assert.Equal(["static-token"], agent.Authorizations);
    }

    private sealed class FakeAgent(TimeProvider time) : HttpMessageHandler
    {
        public List<string> Authorizations { get; } = [];

        public List<string> Uris { get; } = [];

        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.GetValues("Authorization").Single());
            Uris.Add(request.RequestUri!.ToString());
            var expiry = time.GetUtcNow().AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var body = Status == HttpStatusCode.OK
                ? $$"""{"AccessKeyId":"ASIAAGENT{{Authorizations.Count}}","SecretAccessKey":"s","Token":"t","AccountId":"111122223333","Expiration":"{{expiry}}"}"""
                : """{"Code":"InternalError","Message":"agent failure"}""";
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
