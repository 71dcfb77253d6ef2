namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>YAML fixtures shared by the conformance tests.</summary>
internal static class TestYaml
{
    public const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            - {name: Zone, type: string, jsonPath: .spec.zone, priority: 1}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
        """;

    public const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w1}
        spec: {size: 3, zone: eu-1a}
        """;

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx:1
                env: [{name: A, value: "1"}]
        """;
}
