using Addons.Sandbox.Plugins;

namespace Addons.Sandbox;

/// <summary>Tells the user what runs and how to poke at it.</summary>
internal static class Banner
{
    public static void Print(SandboxContext context, IReadOnlyList<AddonProcess> running, AwsSandbox aws)
    {
        var kubeconfig = context.KubeconfigForShell;
        Console.WriteLine();
        Console.WriteLine($"Kubernetes API emulator: {context.ApiUrl}");
        Console.WriteLine($"kubeconfig:              {kubeconfig}");
        Console.WriteLine();
        Console.WriteLine("Try:");
        Console.WriteLine($"  export KUBECONFIG={context.KubeconfigPath}");
        Console.WriteLine($"  KUBECONFIG={kubeconfig} .tools/kubectl/kubectl get nodepools     (any kubectl works)");
        Console.WriteLine($"  KUBECONFIG={kubeconfig} .tools/kubectl/kubectl get vulnerabilityreports -A");
        foreach (var addon in SandboxAddons.All)
        {
            var process = running.FirstOrDefault(p => p.Name == addon.Name);
            Console.WriteLine();
            Console.WriteLine(process is null ? $"{addon.Name}: not running" : $"{addon.Name}: running (pid {process.Id}, log {context.ForShell(process.LogPath)})");
            foreach (var line in addon.Describe(context))
            {
                Console.WriteLine("  " + line);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"EKS/STS emulator: {aws.Aws.Endpoint} (region {aws.Aws.Region}; cluster {AwsSandbox.ClusterName} at 1.30 whose API is the emulator above; updates take 30 s)");
        foreach (var command in aws.Commands())
        {
            Console.WriteLine("  " + command);
        }

        Console.WriteLine();
        Console.WriteLine("Ctrl+C stops everything.");
    }
}
