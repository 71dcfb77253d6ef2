namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class KubeToolsTests
{
    [Fact]
    public void Find_Missing_ThrowsWithInstallCommand()
    {
        var error = Assert.Throws<FileNotFoundException>(() => KubeTools.Find("/nonexistent/.tools", Path.Combine("kubectl", "kubectl")));

        Assert.Contains(".ci/install-deps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubectl_InThisCheckout_IsFound()
    {
        Assert.True(File.Exists(KubeTools.Kubectl), "kubectl missing: run .ci/install-deps");
        Assert.True(File.Exists(KubeTools.Helm), "helm missing: run .ci/install-deps");
    }
}
