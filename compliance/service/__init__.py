"""The parts of `compliance serve` that keep one hostile client from hurting the others.

``models`` (request and response bodies), ``errors`` (one error body for every status),
``guard`` (authentication, size and body-time limits before a request reaches a route),
``protocol`` (header timeout and a cap on connections per client, inside uvicorn),
``pool`` (checks in worker processes that are killed at the timeout) and ``openapi``
(response schemas from the shipped JSON Schema). ``compliance.serve`` puts them together.
"""
