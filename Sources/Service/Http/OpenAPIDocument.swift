/// The OpenAPI 3 document of the service, served as is at /openapi.json. The same bytes as docs/openapi.json
/// (a test compares them): edit that file, then paste it here.
enum OpenAPIDocument {
    static let text = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Postulaty — usługa dla pracowników urzędu",
    "version": "1.0.0",
    "description": "postulaty serve: earlier similar postulates with the city's answers, themes with their evidence, tagging of uploads, the thematic report. Pages (text/html, Polish) and a JSON API. Errors under /api/ are {\"error\": {\"status\", \"message\"}}, with \"field\" when one field or query parameter is at fault and \"problems\" (line, field, message) for a refused upload."
  },
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "paths": {
    "/": {
      "get": {"summary": "Home page: search box, the corpus at a glance, links to the report", "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}}}
    },
    "/search": {
      "get": {
        "summary": "Search page: earlier similar postulates, best first, with the query's themes",
        "parameters": [
          {"$ref": "#/components/parameters/q"}, {"$ref": "#/components/parameters/top"},
          {"$ref": "#/components/parameters/before"}, {"$ref": "#/components/parameters/theme"}
        ],
        "responses": {
          "200": {"description": "HTML page", "content": {"text/html": {}}},
          "303": {"description": "No query: to the home page"},
          "400": {"description": "A parameter out of range (q over 5000 characters, top outside 1-100, unknown theme)", "content": {"text/html": {}}}
        }
      }
    },
    "/postulates/{id}": {
      "get": {
        "summary": "One postulate: every field, gold and predicted themes with evidence, its recurring-demand cluster as a timeline, nearest earlier ones",
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "responses": {
          "200": {"description": "HTML page", "content": {"text/html": {}}},
          "404": {"description": "No postulate with this id", "content": {"text/html": {}}}
        }
      }
    },
    "/tag": {
      "get": {"summary": "Form to upload a CSV or JSONL file, or paste text, and download it tagged", "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}}},
      "post": {
        "summary": "The form's submission: the tagged file as a download",
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}, "text": {"type": "string"}}}}}},
        "responses": {
          "200": {"description": "The tagged file (as postulaty tag writes it)", "content": {"application/x-ndjson": {}, "text/csv": {}}},
          "400": {"description": "A malformed upload: the form again with the error naming file, line and field", "content": {"text/html": {}}},
          "413": {"description": "Body over the limit (20 MB by default)"}
        }
      }
    },
    "/report/": {
      "get": {"summary": "The thematic report of the served corpus (index.html)", "responses": {"200": {"description": "HTML report", "content": {"text/html": {}}}}}
    },
    "/report/{file}": {
      "get": {
        "summary": "A file of the report (report.md, the CSV tables, the SVG charts); only the report's own files",
        "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The file"}, "404": {"description": "Not a file of the report"}}
      }
    },
    "/login": {
      "get": {"summary": "Sign-in form for the store's pages (--store): a token of the --tokens file", "parameters": [{"name": "next", "in": "query", "required": false, "schema": {"type": "string"}}], "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}},
      "post": {"summary": "Sign in (multipart form: token, next): sets the session cookie (HttpOnly, SameSite=Strict) and redirects to next", "requestBody": {"required": true, "content": {"multipart/form-data": {}}}, "responses": {"303": {"description": "Signed in"}, "403": {"description": "An error page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}}
    },
    "/logout": {
      "post": {"summary": "Sign out (multipart form: csrf; session cookie and same origin required): ends the session, clears the cookie and redirects to /login", "requestBody": {"required": true, "content": {"multipart/form-data": {}}}, "responses": {"303": {"description": "Signed out: to /login"}, "403": {"description": "An error page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}}
    },
    "/review": {
      "get": {"summary": "Review queue: postulates without a review, the model's least certain first (a theme's score nearest its threshold)", "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}}
    },
    "/postulates/{id}/review": {
      "get": {"summary": "Review form: themes as checkboxes with the model's suggestion and evidence, candidate earlier duplicates, response, stance, note (signed in)", "parameters": [{"$ref": "#/components/parameters/id"}], "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "303": {"description": "Not signed in: to /login"}, "404": {"description": "An error page", "content": {"text/html": {}}}}},
      "post": {"summary": "Save a review from the form (multipart; session cookie, CSRF token and same origin required)", "parameters": [{"$ref": "#/components/parameters/id"}], "requestBody": {"required": true, "content": {"multipart/form-data": {}}}, "responses": {"303": {"description": "Saved: to the queue"}, "400": {"description": "HTML page", "content": {"text/html": {}}}, "403": {"description": "An error page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}}
    },
    "/add": {
      "get": {"summary": "Add postulates: paste JSONL or upload a file (signed in)", "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "303": {"description": "Not signed in: to /login"}, "404": {"description": "An error page", "content": {"text/html": {}}}}},
      "post": {"summary": "Add postulates from the form (multipart; session cookie, CSRF token and same origin required); all or nothing", "requestBody": {"required": true, "content": {"multipart/form-data": {}}}, "responses": {"303": {"description": "Added: to /add?added, which lists the added ids"}, "400": {"description": "HTML page", "content": {"text/html": {}}}, "403": {"description": "An error page", "content": {"text/html": {}}}, "404": {"description": "An error page", "content": {"text/html": {}}}}}
    },
    "/api/similar": {
      "get": {
        "summary": "Earlier similar postulates, best first, with the query's terms and predicted themes",
        "parameters": [
          {"$ref": "#/components/parameters/qRequired"}, {"$ref": "#/components/parameters/top"},
          {"$ref": "#/components/parameters/before"}, {"$ref": "#/components/parameters/theme"}
        ],
        "responses": {
          "200": {"description": "The results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SimilarAnswer"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/postulates/{id}": {
      "get": {
        "summary": "One postulate: the record, its themes (gold and predicted), stance, cluster and nearest earlier ones",
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "responses": {
          "200": {"description": "The postulate", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PostulateAnswer"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/tag": {
      "post": {
        "summary": "Tag a file: the same records and fields, in the same format, as postulaty tag writes",
        "requestBody": {"required": true, "content": {"application/x-ndjson": {}, "text/csv": {}, "text/plain": {}}},
        "responses": {
          "200": {"description": "Tagged records: JSONL for JSONL or text, CSV for CSV", "content": {"application/x-ndjson": {}, "text/csv": {}}},
          "400": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/postulates": {
      "post": {
        "summary": "Add postulates to the store (--store): one JSON record, JSONL or a CSV sheet (read as store import reads it); validated like corpus validate, all or nothing",
        "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {}, "application/x-ndjson": {}, "text/csv": {}}},
        "responses": {
          "201": {"description": "Stored and searchable from the next request: {\"ids\": [...]}", "content": {"application/json": {}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/postulates/{id}/review": {
      "put": {
        "summary": "Review a postulate: {\"themes\", \"same_as\", \"response\", \"stance\", \"note\"}, each optional (absent: kept, null: cleared)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "requestBody": {"required": true, "content": {"application/json": {}}},
        "responses": {
          "200": {"description": "The stored review", "content": {"application/json": {}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "summary": "The same as PUT (for clients that only POST)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "requestBody": {"required": true, "content": {"application/json": {}}},
        "responses": {
          "200": {"description": "The stored review", "content": {"application/json": {}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/postulates/{id}/history": {
      "get": {
        "summary": "The audit trail of a postulate, oldest first: {\"id\", \"entries\": [{\"seq\", \"at\", \"who\", \"action\", \"id\", \"before\", \"after\"}]}",
        "parameters": [{"$ref": "#/components/parameters/id"}],
        "responses": {
          "200": {"description": "Audit entries", "content": {"application/json": {}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/export": {
      "get": {
        "summary": "The whole store as JSONL in the corpus format, reviewed fields applied (as postulaty store export writes it)",
        "responses": {
          "200": {"description": "JSONL", "content": {"application/x-ndjson": {}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/models/reload": {
      "post": {
        "summary": "Swap in the theme model file anew (after postulaty train --store) without a restart, atomically; SIGHUP does the same. Works with or without --store; needs a token of --tokens",
        "security": [{"bearer": []}],
        "responses": {
          "200": {"description": "The new model serves: {\"model\", \"labels\", \"seconds\"}", "content": {"application/json": {"schema": {"type": "object", "required": ["model", "labels", "seconds"], "properties": {"model": {"type": "string", "description": "The model file read"}, "labels": {"type": "integer"}, "seconds": {"type": "number"}}}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "500": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/healthz": {
      "get": {"summary": "200 once the corpus, index and models are loaded", "responses": {"200": {"description": "Loaded", "content": {"application/json": {}}}}}
    },
    "/openapi.json": {
      "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {}}}}}
    },
    "/favicon.ico": {
      "get": {"summary": "The pages' icon (SVG), which browsers ask for", "responses": {"200": {"description": "An SVG image", "content": {"image/svg+xml": {}}}}}
    }
  },
  "components": {
    "parameters": {
      "q": {"name": "q", "in": "query", "required": false, "description": "The query text (at most 5000 characters; Polish letters optional)", "schema": {"type": "string", "maxLength": 5000}},
      "qRequired": {"name": "q", "in": "query", "required": true, "description": "The query text (at most 5000 characters; Polish letters optional)", "schema": {"type": "string", "maxLength": 5000}},
      "top": {"name": "top", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
      "before": {"name": "before", "in": "query", "required": false, "description": "Only postulates from years before this one", "schema": {"type": "integer"}},
      "theme": {"name": "theme", "in": "query", "required": false, "description": "Only postulates with this theme (gold or predicted): a taxonomy code", "schema": {"type": "string"}},
      "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}
    },
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer", "description": "A token of the --tokens file (name:token lines); changes are attributed to the name. 401 without, 403 for an unknown one"}
    },
    "responses": {
      "Error": {"description": "An error with a message naming what is wrong", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}, "field": {"type": "string", "description": "The request field or query parameter at fault"}, "problems": {"type": "array", "description": "Every problem of a refused upload", "items": {"type": "object", "required": ["message"], "properties": {"line": {"type": "integer", "description": "Line of the body (1 for one JSON record); absent when the problem is not tied to a line"}, "field": {"type": "string"}, "message": {"type": "string"}}}}}}}},
      "Themes": {
        "type": "object",
        "properties": {
          "gold": {"type": "array", "items": {"type": "string"}},
          "predicted": {"type": "array", "items": {"type": "string"}},
          "scores": {"type": "object", "additionalProperties": {"type": "number"}},
          "evidence": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
        }
      },
      "Hit": {
        "type": "object",
        "properties": {
          "rank": {"type": "integer"}, "id": {"type": "string"}, "score": {"type": "number"}, "year": {"type": "integer", "nullable": true},
          "meeting": {"type": "string"},
          "city": {"type": "string", "nullable": true, "description": "The record's city, only when it has one"},
          "district": {"type": "string", "nullable": true, "description": "The record's district, only when it has one"},
          "organisation": {"type": "string"}, "text": {"type": "string"}, "response": {"type": "string"},
          "stance": {"type": "string", "nullable": true}, "respondent": {"type": "string"},
          "shared_terms": {"type": "array", "items": {"type": "string"}},
          "differing_terms": {"type": "object", "description": "Only when the two name different places or numbers", "properties": {"query": {"type": "array", "items": {"type": "string"}}, "postulate": {"type": "array", "items": {"type": "string"}}}},
          "reviewed_by": {"type": "string", "description": "With a store, for a reviewed postulate: whose review gave its response and stance"},
          "reviewed_at": {"type": "string", "description": "With reviewed_by: when (UTC, ISO 8601)"}
        }
      },
      "SimilarAnswer": {
        "type": "object",
        "properties": {
          "query": {"type": "object", "properties": {"text": {"type": "string"}, "terms": {"type": "array", "items": {"type": "string"}}, "themes": {"$ref": "#/components/schemas/Themes"}}},
          "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}
        }
      },
      "PostulateAnswer": {
        "type": "object",
        "properties": {
          "record": {"type": "object", "description": "The postulate record, every field as in the corpus"},
          "themes": {"$ref": "#/components/schemas/Themes"},
          "stance": {"type": "string", "nullable": true},
          "review": {"type": "object", "nullable": true, "description": "With a store: the staff review (null until reviewed)"},
          "cluster": {"type": "array", "items": {"type": "object"}},
          "earlier": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}
        }
      }
    }
  }
}
"""#
}
