namespace Addons.Kit.Testing.Aws;

/// <summary>
/// Demo data: Kubernetes 1.28–1.34 with support-lifecycle dates, add-on catalogs per version (one default
/// each, eksbuild numbers) and a "demo" cluster at 1.30 with add-ons, two node groups and insights.
/// </summary>
public static class EksDemo
{
    /// <summary>The versions the catalog offers, oldest first.</summary>
    public static readonly string[] Versions = ["1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34"];

    /// <summary>Fills the catalog (if empty) and adds the cluster <paramref name="clusterName"/> at <paramref name="version"/>.</summary>
    public static EmulatedCluster Seed(AwsEmulator aws, string clusterName = "demo", string version = "1.30", string? endpoint = null, string? caData = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        if (aws.Catalog.ClusterVersions.Count == 0)
        {
            FillCatalog(aws.Catalog);
        }

        var minor = int.Parse(version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        var cluster = new EmulatedCluster
        {
            Name = clusterName,
            Version = version,
            PlatformVersion = "eks.9",
            Endpoint = endpoint ?? "https://kubernetes.invalid",
            CertificateAuthorityData = caData,
            CreatedAt = new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.Zero),
        };
        foreach (var (name, versions) in aws.Catalog.Addons)
        {
            // Installed one step behind the default for the cluster's version, so there is something to upgrade.
            var compatible = versions.Where(v => v.ClusterVersions.Contains(version)).ToList();
            cluster.Addons[name] = new EmulatedAddon { Name = name, Version = compatible[Math.Min(1, compatible.Count - 1)].AddonVersion };
        }

        cluster.Nodegroups["system"] = new EmulatedNodegroup { Name = "system", Version = version, ReleaseVersion = version + ".8-20250110", DesiredSize = 2 };
        cluster.Nodegroups["workers"] = new EmulatedNodegroup { Name = "workers", Version = version, ReleaseVersion = version + ".8-20250110", DesiredSize = 3 };
        var next = "1." + (minor + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cluster.Insights.Add(new EmulatedInsight
        {
            Id = "a1b2c3d4-0001-4000-8000-000000000001",
            Name = "Deprecated APIs removed in Kubernetes v" + next,
            KubernetesVersion = next,
            Status = "PASSING",
            Reason = "No deprecated API usage detected within the last 30 days.",
            Description = "Checks for usage of deprecated APIs that are scheduled for removal in Kubernetes v" + next + ".",
            Recommendation = "Update manifests and clients to use newer Kubernetes APIs.",
        });
        cluster.Insights.Add(new EmulatedInsight
        {
            Id = "a1b2c3d4-0002-4000-8000-000000000002",
            Name = "Kubelet version skew",
            KubernetesVersion = next,
            Status = "PASSING",
            Reason = "Node kubelet versions match the cluster control plane version.",
            Description = "Checks the kubelet version of the worker nodes against the control plane.",
            Recommendation = "Upgrade worker nodes to the control plane version.",
        });
        cluster.Insights.Add(new EmulatedInsight
        {
            Id = "a1b2c3d4-0003-4000-8000-000000000003",
            Name = "Cluster health issues",
            KubernetesVersion = next,
            Status = "PASSING",
            Reason = "No cluster health issues detected.",
            Description = "Checks for cluster health issues that would block an upgrade.",
        });
        return aws.AddCluster(cluster);
    }

    /// <summary>The lifecycle and add-on catalog the demo uses.</summary>
    public static void FillCatalog(EksCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var release = new DateTimeOffset(2023, 9, 26, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Versions.Length; i++)
        {
            var released = release.AddMonths(4 * i);
            var status = i < 2 ? "EXTENDED_SUPPORT" : "STANDARD_SUPPORT";
            catalog.ClusterVersions.Add(new ClusterVersionInfo(Versions[i], status, released, released.AddMonths(14), released.AddMonths(26), "eks." + (12 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), Versions[i] + ".5", DefaultVersion: Versions[i] == "1.33"));
        }

        // name → (version base, minor step per Kubernetes version). Each Kubernetes version gets two
        // builds of its own add-on version; the newer is the default, and each also runs on the next version.
        var addons = new (string Name, string Prefix, int Start)[] { ("vpc-cni", "v1.", 15), ("coredns", "v1.11.", 1), ("kube-proxy", "", 0), ("eks-pod-identity-agent", "v1.3.", 0) };
        foreach (var (name, prefix, start) in addons)
        {
            var list = new List<AddonVersionInfo>();
            for (var i = Versions.Length - 1; i >= 0; i--)
            {
                var k8s = Versions[i];
                var supports = i + 1 < Versions.Length ? new[] { k8s, Versions[i + 1] } : new[] { k8s };
                var core = name == "kube-proxy" ? "v" + k8s + ".5" : prefix + (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + (name == "vpc-cni" ? ".0" : "");
                list.Add(new AddonVersionInfo(core + "-eksbuild.2", supports, [k8s]));
                list.Add(new AddonVersionInfo(core + "-eksbuild.1", supports, []));
            }

            catalog.Addons[name] = list;
        }
    }
}
