namespace StationMap.Api.Ogc;

/// <summary>The OpenAPI 3.0 definition of /ogc (the oas30 conformance class; the app's own document is 3.1).</summary>
internal static class OgcOpenApi
{
    public static string Document(string baseUrl) => Template.Replace("{{base}}", baseUrl, StringComparison.Ordinal);

    private const string Template = """
    {
      "openapi": "3.0.3",
      "info": { "title": "StationMap OGC API – Features", "version": "1.0.0", "description": "工会户外劳动者服务站点 / outdoor-worker service stations" },
      "servers": [ { "url": "{{base}}" } ],
      "paths": {
        "/": { "get": { "operationId": "getLandingPage", "summary": "landing page", "responses": { "200": { "$ref": "#/components/responses/Json" } } } },
        "/conformance": { "get": { "operationId": "getConformanceDeclaration", "summary": "conformance classes", "responses": { "200": { "$ref": "#/components/responses/Json" } } } },
        "/collections": { "get": { "operationId": "getCollections", "summary": "feature collections", "responses": { "200": { "$ref": "#/components/responses/Json" } } } },
        "/collections/{collectionId}": { "get": { "operationId": "describeCollection", "parameters": [ { "$ref": "#/components/parameters/collectionId" } ],
          "responses": { "200": { "$ref": "#/components/responses/Json" }, "404": { "$ref": "#/components/responses/Problem" } } } },
        "/collections/{collectionId}/items": { "get": { "operationId": "getFeatures",
          "parameters": [ { "$ref": "#/components/parameters/collectionId" }, { "$ref": "#/components/parameters/limit" }, { "$ref": "#/components/parameters/offset" },
            { "$ref": "#/components/parameters/bbox" }, { "$ref": "#/components/parameters/bbox-crs" }, { "$ref": "#/components/parameters/datetime" },
            { "name": "adcode", "in": "query", "description": "行政区划代码前缀 / district code prefix", "schema": { "type": "string", "pattern": "^[0-9]{1,6}$" } },
            { "name": "type", "in": "query", "schema": { "type": "string", "enum": [ "standard", "micro", "mobile" ] } },
            { "name": "status", "in": "query", "schema": { "type": "string", "enum": [ "active", "suspended", "closed" ] } },
            { "name": "services", "in": "query", "description": "comma-separated service codes, all required", "style": "form", "explode": false, "schema": { "type": "array", "items": { "type": "string" } } } ],
          "responses": { "200": { "$ref": "#/components/responses/Features" }, "400": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } } } },
        "/collections/{collectionId}/items/{featureId}": { "get": { "operationId": "getFeature",
          "parameters": [ { "$ref": "#/components/parameters/collectionId" }, { "name": "featureId", "in": "path", "required": true, "schema": { "type": "string" } } ],
          "responses": { "200": { "$ref": "#/components/responses/Feature" }, "404": { "$ref": "#/components/responses/Problem" } } } }
      },
      "components": {
        "parameters": {
          "collectionId": { "name": "collectionId", "in": "path", "required": true, "schema": { "type": "string" } },
          "limit": { "name": "limit", "in": "query", "style": "form", "explode": false, "schema": { "type": "integer", "minimum": 1, "maximum": 10000, "default": 10 } },
          "offset": { "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 0 } },
          "bbox": { "name": "bbox", "in": "query", "style": "form", "explode": false, "schema": { "type": "array", "minItems": 4, "maxItems": 4, "items": { "type": "number" } } },
          "bbox-crs": { "name": "bbox-crs", "in": "query", "description": "CRS84 URI (default) or wgs84, gcj02, bd09", "schema": { "type": "string", "default": "http://www.opengis.net/def/crs/OGC/1.3/CRS84" } },
          "datetime": { "name": "datetime", "in": "query", "description": "on updatedAt: RFC 3339 instant or interval, open ends ..", "schema": { "type": "string" } }
        },
        "responses": {
          "Json": { "description": "JSON", "content": { "application/json": { "schema": { "type": "object" } } } },
          "Features": { "description": "GeoJSON FeatureCollection (CRS84)", "content": { "application/geo+json": { "schema": { "type": "object" } } } },
          "Feature": { "description": "GeoJSON Feature (CRS84)", "content": { "application/geo+json": { "schema": { "type": "object" } } } },
          "Problem": { "description": "RFC 9457 problem details", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
        }
      }
    }
    """;
}
