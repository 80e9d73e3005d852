// The JavaScript fetch examples of the product manual, verbatim (its copy lost the indentation).
// manual-fetch.mjs runs each with the placeholder address and token replaced.
// ---- create-gateway
fetch('http://your-server-ip:HTTP_PORT/api/gateways', {
method: 'POST',
headers: {
'Content-Type': 'application/json',
'X-API-Key': 'HTTP_API_TOKEN'
},
body: JSON.stringify({
smsc_id: 'mysmsc-id-example',
host: 'smpp.mygateway.com',
port: 2775,
username: 'myusername',
password: 'mypassw',
enq_interval: 30,
src_autodetect: true,
dst_autodetect: true,
tx_binds: 0,
rx_binds: 0,
trx_binds: 1,
smpp_version: '3.4',
is_gsm7: true,
is_secure: false,
enabled: true
})
})
.then(response => response.json())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
// ---- create-client
fetch('http://your-server-ip:HTTP_PORT/api/clients', {
method: 'POST',
headers: {
'Content-Type': 'application/json',
'X-API-Key': 'HTTP_API_TOKEN'
},
body: JSON.stringify({
username: 'myclient1',
password: 'qwerty123',
allow_ip: '11.22.33.44,55.66.77.88',
throughput: 0,
binds: 3,
enabled: true
})
})
.then(response => response.json())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
// ---- list-gateways
fetch('http://your-server-ip:HTTP_PORT/api/gateways', {
headers: {
'X-API-Key': 'HTTP_API_TOKEN'
}
})
.then(response => response.json())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
// ---- list-clients
fetch('http://your-server-ip:HTTP_PORT/api/clients', {
headers: {
'X-API-Key': 'HTTP_API_TOKEN'
}
})
.then(response => response.json())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
// ---- list-gateway-logs
const params = new URLSearchParams({
dateFrom: '2024-08-25',
dateTo: '2024-08-26',
'smscIds[]': 'mysmsc-id-example'
});
fetch(`http://your-server-ip:HTTP_PORT/api/gateways/logs?${params.toString()}`, {
headers: {
'X-API-Key': 'HTTP_API_TOKEN'
}
})
.then(response => response.json())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
// ---- download-gateway-log
fetch('http://your-server-ip:HTTP_PORT/api/gateways/logs/download?files[]=2024-08-251234.log', {
method: 'GET',
headers: {
'X-API-Key': 'HTTP_API_TOKEN'
}
})
.then(response => response.text())
.then(data => console.log(data))
.catch(error => console.error('Error:', error));
