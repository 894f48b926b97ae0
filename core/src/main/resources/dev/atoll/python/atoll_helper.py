"""Atoll's helper for code modules. Standard library only, so it runs where `mlflow` is not installed.

It does two things:

1. Defines the annotations Atoll reads from an entry point (without running it):
   @data_processor / @data_visualization / @model (name, author, type, description, input_type,
   output_type, visibility) and @parameter (name, type, required, default_value, description).
   Calling the decorated function parses the command line (--name value) into a dict of typed values.

2. Logs params, metrics and artifacts to Atoll's (or any) MLflow tracking server over its REST API.
   Configured as MLflow is: MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME / MLFLOW_EXPERIMENT_ID,
   MLFLOW_RUN_ID (log into a run someone else started), MLFLOW_TRACKING_TOKEN or
   MLFLOW_TRACKING_USERNAME + MLFLOW_TRACKING_PASSWORD. Without MLFLOW_TRACKING_URI nothing is sent.
"""
import atexit
import base64
import functools
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["data_processor", "data_visualization", "model", "parameter", "params",
           "log_param", "log_params", "log_metric", "log_metrics", "set_tag", "log_artifact",
           "start_run", "end_run", "active_run_id"]

_TYPES = ("STRING", "INTEGER", "FLOAT", "BOOLEAN", "LIST", "DICTIONARY")
_module = {}
_parameters = []
_values = None


# ---------------------------------------------------------------- annotations

def _module_decorator(kind):
    def decorator_factory(name=None, author=None, type=None, description=None, input_type=None,
                          output_type=None, visibility=None):
        def decorate(function):
            _module.update(kind=kind, name=name, author=author, type=type, description=description,
                           input_type=input_type, output_type=output_type, visibility=visibility)
            return _returning_params(function)
        return decorate
    return decorator_factory


data_processor = _module_decorator("data_processor")
data_visualization = _module_decorator("data_visualization")
model = _module_decorator("model")


def parameter(name, type="STRING", required=False, default_value=None, description=""):
    kind = str(type).upper()
    kind = {"STR": "STRING", "INT": "INTEGER", "BOOL": "BOOLEAN", "DICT": "DICTIONARY"}.get(kind, kind)
    if kind not in _TYPES:
        raise ValueError("@parameter %r: type %r is not one of %s" % (name, type, ", ".join(_TYPES)))

    def decorate(function):
        # Decorators apply bottom-up; inserting at the front keeps the order they are written in.
        _parameters.insert(0, dict(name=name, type=kind, required=bool(required),
                                   default_value=default_value, description=description))
        return _returning_params(function)
    return decorate


def _returning_params(function):
    if getattr(function, "_atoll_params", False):
        return function

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        function(*args, **kwargs)
        return params()
    wrapper._atoll_params = True
    return wrapper


def params(argv=None):
    """The declared parameters parsed from the command line (--name value or --name=value), typed."""
    global _values
    if _values is not None and argv is None:
        return dict(_values)
    argv = sys.argv[1:] if argv is None else list(argv)
    declared = {p["name"]: p for p in _parameters}
    given = {}
    i = 0
    while i < len(argv):
        word = argv[i]
        if not word.startswith("--"):
            _usage_error("unexpected argument %r: pass parameters as --name value" % word)
        name, sep, value = word[2:].partition("=")
        if not sep:
            if i + 1 >= len(argv):
                _usage_error("parameter --%s has no value" % name)
            i += 1
            value = argv[i]
        if name not in declared:
            _usage_error("unknown parameter --%s: declared are %s" % (name, ", ".join(declared) or "none"))
        given[name] = value
        i += 1
    values = {}
    for name, spec in declared.items():
        if name in given:
            values[name] = _convert(spec, given[name])
        elif spec["required"]:
            _usage_error("parameter --%s is required (%s)" % (name, spec["description"] or spec["type"]))
        else:
            values[name] = spec["default_value"]
    _values = values
    if _tracking_uri():
        log_params(values)
    return dict(values)


def _convert(spec, text):
    kind = spec["type"]
    try:
        if kind == "INTEGER":
            return int(text)
        if kind == "FLOAT":
            return float(text)
        if kind == "BOOLEAN":
            lowered = text.strip().lower()
            if lowered in ("true", "1", "yes", "y"):
                return True
            if lowered in ("false", "0", "no", "n"):
                return False
            raise ValueError(text)
        if kind == "LIST":
            value = json.loads(text) if text.strip().startswith("[") else [t for t in text.split(",") if t]
            if not isinstance(value, list):
                raise ValueError(text)
            return value
        if kind == "DICTIONARY":
            value = json.loads(text)
            if not isinstance(value, dict):
                raise ValueError(text)
            return value
        return text
    except ValueError:
        _usage_error("parameter --%s=%r is not a valid %s" % (spec["name"], text, kind))


def _usage_error(message):
    sys.stderr.write("error: %s\n" % message)
    sys.exit(2)


# ---------------------------------------------------------------- MLflow REST client

_run = {"id": None, "artifact_uri": None, "experiment_id": None, "owned": False}


def _tracking_uri():
    return os.environ.get("MLFLOW_TRACKING_URI", "").rstrip("/")


def _request(method, path, body=None, query=None, data=None, content_type="application/json"):
    url = _tracking_uri() + path
    if query:
        url += "?" + urllib.parse.urlencode(query)
    payload = data if data is not None else (json.dumps(body).encode("utf-8") if body is not None else None)
    headers = {"Content-Type": content_type, "User-Agent": "atoll-helper/1"}
    token = os.environ.get("MLFLOW_TRACKING_TOKEN")
    user = os.environ.get("MLFLOW_TRACKING_USERNAME")
    if token:
        headers["Authorization"] = "Bearer " + token
    elif user:
        basic = "%s:%s" % (user, os.environ.get("MLFLOW_TRACKING_PASSWORD", ""))
        headers["Authorization"] = "Basic " + base64.b64encode(basic.encode("utf-8")).decode("ascii")
    delay = 0.5
    for attempt in range(4):
        request = urllib.request.Request(url, data=payload, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode("utf-8")
                return json.loads(text) if text.strip() else {}
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")
            # Only throttling and server errors are worth retrying; a 4xx will not get better.
            if error.code in (429, 500, 502, 503, 504) and attempt < 3:
                time.sleep(delay)
                delay *= 2
                continue
            raise MlflowError(method, path, error.code, detail)
        except urllib.error.URLError as error:
            if attempt < 3:
                time.sleep(delay)
                delay *= 2
                continue
            raise MlflowError(method, path, None, str(error.reason))


class MlflowError(RuntimeError):
    def __init__(self, method, path, status, detail):
        self.status = status
        super().__init__("%s %s%s failed: %s %s — check MLFLOW_TRACKING_URI and the server's log" % (
            method, _tracking_uri(), path, status or "no response", detail))


def _experiment_id():
    if os.environ.get("MLFLOW_EXPERIMENT_ID"):
        return os.environ["MLFLOW_EXPERIMENT_ID"]
    name = os.environ.get("MLFLOW_EXPERIMENT_NAME")
    if not name:
        return "0"
    try:
        found = _request("GET", "/api/2.0/mlflow/experiments/get-by-name", query={"experiment_name": name})
        return found["experiment"]["experiment_id"]
    except MlflowError as error:
        if error.status != 404:
            raise
    return _request("POST", "/api/2.0/mlflow/experiments/create", {"name": name})["experiment_id"]


def start_run(run_name=None):
    """Starts (or, with MLFLOW_RUN_ID, joins) the run that the log_* functions write to; returns its id."""
    if _run["id"]:
        return _run["id"]
    if os.environ.get("MLFLOW_RUN_ID"):
        info = _request("GET", "/api/2.0/mlflow/runs/get", query={"run_id": os.environ["MLFLOW_RUN_ID"]})["run"]["info"]
        _run.update(id=info["run_id"], artifact_uri=info.get("artifact_uri"), experiment_id=info.get("experiment_id"), owned=False)
        return _run["id"]
    body = {"experiment_id": _experiment_id(), "start_time": _now(),
            "tags": [{"key": "mlflow.source.name", "value": os.path.basename(sys.argv[0] or "python")},
                     {"key": "mlflow.source.type", "value": "JOB"}]}
    if run_name or _module.get("name"):
        body["run_name"] = run_name or _module.get("name")
    info = _request("POST", "/api/2.0/mlflow/runs/create", body)["run"]["info"]
    _run.update(id=info["run_id"], artifact_uri=info.get("artifact_uri"), experiment_id=info.get("experiment_id"), owned=True)
    return _run["id"]


def end_run(status="FINISHED"):
    if _run["id"] and _run["owned"]:
        _request("POST", "/api/2.0/mlflow/runs/update", {"run_id": _run["id"], "status": status, "end_time": _now()})
    _run.update(id=None, artifact_uri=None, experiment_id=None, owned=False)


def active_run_id():
    return _run["id"]


def log_param(key, value):
    if _tracking_uri():
        _request("POST", "/api/2.0/mlflow/runs/log-parameter", {"run_id": start_run(), "key": key, "value": _text(value)})


def log_params(values):
    for key, value in values.items():
        log_param(key, value)


def log_metric(key, value, step=0):
    if _tracking_uri():
        _request("POST", "/api/2.0/mlflow/runs/log-metric",
                 {"run_id": start_run(), "key": key, "value": float(value), "timestamp": _now(), "step": int(step)})


def log_metrics(values, step=0):
    for key, value in values.items():
        log_metric(key, value, step)


def set_tag(key, value):
    if _tracking_uri():
        _request("POST", "/api/2.0/mlflow/runs/set-tag", {"run_id": start_run(), "key": key, "value": _text(value)})


def log_artifact(local_path, artifact_path=None):
    """Uploads a file through the tracking server's artifact proxy (mlflow-artifacts) or copies it to a local store."""
    if not _tracking_uri():
        return
    start_run()
    name = os.path.basename(local_path)
    relative = "/".join(p for p in ((artifact_path or "").strip("/"), name) if p)
    uri = _run["artifact_uri"] or "mlflow-artifacts:/%s/%s/artifacts" % (_run["experiment_id"], _run["id"])
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme in ("file", ""):
        import shutil
        target = os.path.join(urllib.parse.unquote(parsed.path), relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(local_path, target)
        return
    if parsed.scheme != "mlflow-artifacts":
        raise MlflowError("PUT", uri, None, "artifact store %s is not reachable over HTTP from this helper" % parsed.scheme)
    with open(local_path, "rb") as source:
        data = source.read()
    path = urllib.parse.quote(parsed.path.strip("/") + "/" + relative)
    _request("PUT", "/api/2.0/mlflow-artifacts/artifacts/" + path, data=data, content_type="application/octet-stream")


def _text(value):
    return json.dumps(value) if isinstance(value, (list, dict)) else str(value)


def _now():
    return int(time.time() * 1000)


def _finish():
    if _run["id"] and _run["owned"]:
        end_run("FINISHED" if _outcome["ok"] else "FAILED")


_outcome = {"ok": True}
_previous_hook = sys.excepthook


def _on_error(kind, value, traceback):
    _outcome["ok"] = False
    _previous_hook(kind, value, traceback)


sys.excepthook = _on_error
atexit.register(_finish)
