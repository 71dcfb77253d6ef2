using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// STS's query API: GetCallerIdentity, AssumeRole, AssumeRoleWithWebIdentity. Answers in XML (what the
/// AWS CLI reads) or, when the client sends <c>Accept: application/json</c>, in STS's JSON form (what the
/// EKS authenticator and our client read).
/// </summary>
internal sealed class StsService(AwsEmulator emulator, AwsEmulatorOptions options)
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public (string ContentType, string Body) Handle(string action, IReadOnlyDictionary<string, string> p, AwsIdentity? caller, bool json, string requestId) => action switch
    {
        "GetCallerIdentity" => Render(action, json, requestId, new() { ["Arn"] = caller!.Arn, ["UserId"] = caller.UserId, ["Account"] = caller.Account }),
        "AssumeRole" => Assume(action, p, json, requestId, webIdentity: false),
        "AssumeRoleWithWebIdentity" => Assume(action, p, json, requestId, webIdentity: true),
        _ => throw new AwsEmulatorError(400, "InvalidAction", $"Could not find operation {action} for version 2011-06-15"),
    };

    private (string, string) Assume(string action, IReadOnlyDictionary<string, string> p, bool json, string requestId, bool webIdentity)
    {
        var roleArn = p.GetValueOrDefault("RoleArn") ?? throw new AwsEmulatorError(400, "ValidationError", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        var session = p.GetValueOrDefault("RoleSessionName") ?? throw new AwsEmulatorError(400, "ValidationError", "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        var arn = roleArn.Split(':');
        if (arn.Length != 6 || arn[0] != "arn" || arn[2] != "iam" || !arn[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new AwsEmulatorError(400, "ValidationError", $"{roleArn} is invalid");
        }

        if (emulator.DeniedRoles.Contains(roleArn))
        {
            throw new AwsEmulatorError(403, "AccessDenied", $"User is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        if (webIdentity)
        {
            var token = p.GetValueOrDefault("WebIdentityToken");
            if (string.IsNullOrEmpty(token) || (emulator.AcceptedWebIdentityTokens.Count > 0 && !emulator.AcceptedWebIdentityTokens.Contains(token)))
            {
                throw new AwsEmulatorError(400, "InvalidIdentityToken", "Couldn't retrieve verification key from your identity provider");
            }

            emulator.RecordWebIdentityToken(token);
        }

        var seconds = p.TryGetValue("DurationSeconds", out var d) && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : (int)options.SessionDuration.TotalSeconds;
        var roleName = arn[5]["role/".Length..].Split('/')[^1];
        var roleId = "AROA" + Random(17);
        var identity = new AwsIdentity("ASIA" + Random(16), Random(40), Random(64), $"arn:aws:sts::{arn[4]}:assumed-role/{roleName}/{session}", roleId + ":" + session, arn[4], options.TimeProvider.GetUtcNow().AddSeconds(seconds));
        emulator.AddIdentity(identity);
        var credentials = new Dictionary<string, object>
        {
            ["AccessKeyId"] = identity.AccessKeyId,
            ["SecretAccessKey"] = identity.SecretAccessKey,
            ["SessionToken"] = identity.SessionToken!,
            ["Expiration"] = identity.Expiration!.Value,
        };
        var user = new Dictionary<string, object> { ["Arn"] = identity.Arn, ["AssumedRoleId"] = identity.UserId };
        var result = new Dictionary<string, object> { ["Credentials"] = credentials, ["AssumedRoleUser"] = user };
        if (webIdentity)
        {
            result["SubjectFromWebIdentityToken"] = "system:serviceaccount:kuo:kuo";
        }

        return Render(action, json, requestId, result);
    }

    public static (string ContentType, string Body) Error(AwsEmulatorError e, bool json, string requestId)
    {
        var type = e.Status >= 500 ? "Receiver" : "Sender";
        if (json)
        {
            return ("application/json", new JsonObject
            {
                ["Error"] = new JsonObject { ["Code"] = e.Code, ["Message"] = e.Message, ["Type"] = type },
                ["RequestId"] = requestId,
            }.ToJsonString());
        }

        return ("text/xml", $"<ErrorResponse xmlns=\"{Namespace}\">\n  <Error>\n    <Type>{type}</Type>\n    <Code>{Esc(e.Code)}</Code>\n    <Message>{Esc(e.Message)}</Message>\n  </Error>\n  <RequestId>{requestId}</RequestId>\n</ErrorResponse>\n");
    }

    private static (string, string) Render(string action, bool json, string requestId, Dictionary<string, object> result)
    {
        if (json)
        {
            return ("application/json", new JsonObject
            {
                [action + "Response"] = new JsonObject
                {
                    [action + "Result"] = Json(result),
                    ["ResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
                },
            }.ToJsonString());
        }

        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"<{action}Response xmlns=\"{Namespace}\">\n  <{action}Result>\n");
        Xml(xml, result, "    ");
        xml.Append(CultureInfo.InvariantCulture, $"  </{action}Result>\n  <ResponseMetadata>\n    <RequestId>{requestId}</RequestId>\n  </ResponseMetadata>\n</{action}Response>\n");
        return ("text/xml", xml.ToString());
    }

    private static JsonObject Json(Dictionary<string, object> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values)
        {
            o[k] = v switch
            {
                Dictionary<string, object> nested => Json(nested),
                DateTimeOffset at => JsonValue.Create(at.ToUnixTimeSeconds()),
                _ => JsonValue.Create(v.ToString()),
            };
        }

        return o;
    }

    private static void Xml(StringBuilder xml, Dictionary<string, object> values, string indent)
    {
        foreach (var (k, v) in values)
        {
            if (v is Dictionary<string, object> nested)
            {
                xml.Append(indent).Append('<').Append(k).Append(">\n");
                Xml(xml, nested, indent + "  ");
                xml.Append(indent).Append("</").Append(k).Append(">\n");
            }
            else
            {
                var text = v is DateTimeOffset at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : v.ToString() ?? "";
                xml.Append(indent).Append('<').Append(k).Append('>').Append(Esc(text)).Append("</").Append(k).Append(">\n");
            }
        }
    }

    private static string Esc(string text) => SecurityElement.Escape(text) ?? "";

    private static string Random(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
    }
}
