using System.Net;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator;

namespace Addons.Kit.Testing.Tests.Emulator;

/// <summary>EmulatorOptions.StateFile: a saved cluster comes back with its objects, CRDs and resourceVersion counter.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("emulator-state-").FullName;

    private string StateFile => Path.Combine(_dir, "cluster.json");

    [Fact]
    public async Task SaveThenStart_SameFile_ObjectsCrdsAndResourceVersionKept()
    {
        long saved;
        string uid;
        await using (var first = await EmulatorClient.StartAsync(new EmulatorOptions { StateFile = StateFile }))
        {
            Assert.False(first.Api.Restored);
            await first.Api.ApplyYamlAsync(StatusCrd, first.Ct);
            await first.Api.ApplyYamlAsync("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {size: 3}\n", first.Ct);
            var (status, created) = await first.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap("kept"));
            Assert.Equal(HttpStatusCode.Created, status);
            uid = created!["metadata"]!["uid"]!.ToString();
            saved = await first.Api.SaveStateAsync(first.Ct);
            Assert.Equal(first.Api.ResourceVersion, saved);
        }

        await using var second = await EmulatorClient.StartAsync(new EmulatorOptions { StateFile = StateFile });
        Assert.True(second.Api.Restored);
        var (_, configMap) = await second.GetAsync("/api/v1/namespaces/default/configmaps/kept");
        Assert.Equal(uid, configMap!["metadata"]!["uid"]!.ToString());
        var (gadgetStatus, gadget) = await second.GetAsync("/apis/example.com/v1/namespaces/default/gadgets/g1");
        Assert.Equal(HttpStatusCode.OK, gadgetStatus);
        Assert.Equal(3, (int)gadget!["spec"]!["size"]!);
        Assert.Equal(saved, second.Api.ResourceVersion);
        var (_, next) = await second.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap("after"));
        Assert.Equal(saved + 1, long.Parse(next!["metadata"]!["resourceVersion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        var (_, namespaces) = await second.GetAsync("/api/v1/namespaces");
        Assert.Contains(namespaces!["items"]!.AsArray(), n => n!["metadata"]!["name"]!.ToString() == "kube-system");
    }

    [Fact]
    public async Task Start_CorruptStateFile_InvalidDataNamingTheFile()
    {
        await File.WriteAllTextAsync(StateFile, "{\"format\": \"addons.emulator/state-v1\", \"objects\": [");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => KubeApiEmulator.StartAsync(new EmulatorOptions { StateFile = StateFile }, timeout.Token));

        Assert.StartsWith(StateFile + ": not a saved emulator state (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OtherJson_InvalidDataNamingTheFormat()
    {
        await File.WriteAllTextAsync(StateFile, new JsonObject { ["kind"] = "Config" }.ToJsonString());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => KubeApiEmulator.StartAsync(new EmulatorOptions { StateFile = StateFile }, timeout.Token));

        Assert.Contains("addons.emulator/state-v1", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string StatusCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """;
}
