export const REQUEST_ID_HEADER = 'x-request-id'

// An id set by a proxy or load balancer is kept, so one request can be followed from there
// into our logs; anything that does not look like an id (log injection) is ignored.
const REQUEST_ID = /^[\w.:-]{1,128}$/

export function incomingRequestId(headers: Headers): string | null {
  const id = headers.get(REQUEST_ID_HEADER)
  return id && REQUEST_ID.test(id) ? id : null
}
