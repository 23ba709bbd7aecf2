"""The connection of a data source or UDTF: Spark options over the environment, read the way the Python SDK's
`ClientConfig.from_env` reads the environment, so one set of names serves both.

Options (case-insensitive, as Spark treats them) and the variables they stand for: `baseUrl` (CDF_URL) or
`cluster` (CDF_CLUSTER), `project` (CDF_PROJECT), `token` (CDF_TOKEN), or `clientId`, `clientSecret`, `tokenUrl` or
`tenantId`, `scopes`, `audience` (CDF_CLIENT_ID, ...). Credentials come wholly from the options when any is given
there, else wholly from the environment, so a token in the environment never mixes with a client id in the options.
On a cluster the environment is the executors': options (or Databricks secrets passed as options) are safer there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .._runtime.config import ClientConfig
from .._runtime.http import HTTPClient
from .._runtime.instances import InstancesClient

_CONNECTION_OPTIONS = {"baseurl": "CDF_URL", "cluster": "CDF_CLUSTER", "project": "CDF_PROJECT"}
_CREDENTIAL_OPTIONS = {
    "token": "CDF_TOKEN",
    "clientid": "CDF_CLIENT_ID",
    "clientsecret": "CDF_CLIENT_SECRET",
    "tokenurl": "CDF_TOKEN_URL",
    "tenantid": "CDF_TENANT_ID",
    "scopes": "CDF_SCOPES",
    "audience": "CDF_AUDIENCE",
}
CLIENT_NAME = "pygen-pyspark"


def lower_keys(options: Mapping[str, str]) -> dict[str, str]:
    """Spark option names are case-insensitive; the runtime reads them in lower case."""
    return {key.lower(): value for key, value in options.items()}


def connection_env(options: Mapping[str, str], env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The CDF_* variables the options and the environment together give."""
    env = dict(os.environ if env is None else env)
    given = lower_keys(options)
    if any(given.get(key) for key in _CREDENTIAL_OPTIONS):
        for variable in _CREDENTIAL_OPTIONS.values():
            env.pop(variable, None)
    for option, variable in {**_CONNECTION_OPTIONS, **_CREDENTIAL_OPTIONS}.items():
        if given.get(option):
            env[variable] = given[option]
    return env


def instances_client(options: Mapping[str, str]) -> InstancesClient:
    """A client of the project the options (or the environment) name; raises CDFConfigError when incomplete."""
    config = ClientConfig.from_env(connection_env(options), client_name=CLIENT_NAME, sdk_identifier=CLIENT_NAME)
    return InstancesClient(HTTPClient(config))
