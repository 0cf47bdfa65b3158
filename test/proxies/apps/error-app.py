"""A small Python WSGI application (standard library wsgiref) that answers errors of its own, the way application
code does: /<status>/<kind> answers that status with a JSON, HTML or plain-text body. A 503 carries Retry-After, as
an application in maintenance should. Prints its port on stdout once it listens; runs until killed."""
import json
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

REASONS = {'500': 'Internal Server Error', '503': 'Service Unavailable'}
BODIES = {
    'json': ('application/json', lambda status: json.dumps({'error': 'order service failed', 'status': int(status)})),
    'html': ('text/html; charset=utf-8', lambda status: f'<!doctype html><html><head><title>Order service</title></head><body><h1>We could not place your order</h1><p>Reference {status}-test.</p></body></html>'),
    'text': ('text/plain; charset=utf-8', lambda status: f'order service failed ({status})\n'),
}


def app(environ, start_response):
    parts = environ.get('PATH_INFO', '').strip('/').split('/')
    if len(parts) != 2 or parts[0] not in REASONS or parts[1] not in BODIES:
        start_response('404 Not Found', [('Content-Type', 'text/plain')])
        return [b'not found\n']
    status, kind = parts
    content_type, body = BODIES[kind]
    data = body(status).encode()
    headers = [('Content-Type', content_type), ('Content-Length', str(len(data)))]
    if status == '503':
        headers.append(('Retry-After', '120'))
    start_response(f'{status} {REASONS[status]}', headers)
    return [data]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


server = make_server('127.0.0.1', 0, app, handler_class=QuietHandler)
print(server.server_port, flush=True)
sys.stdout.close()
server.serve_forever()
