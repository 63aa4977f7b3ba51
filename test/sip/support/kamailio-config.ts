export interface KamailioConfigOptions {
  sipPort: number;
  wsPort: number;
  rtpengineNgPort: number;
  /** Calls to extension 2000 and to outside numbers (7 digits or more) go to a plain SIP UAS (sipp) on this port, the PSTN gateway. */
  gatewayPort: number;
  /** When set, WebSocket clients must authenticate with this password (any user name). */
  password?: string;
}

/**
 * The test registrar/proxy: UDP + plain WebSocket on loopback, in-memory
 * location table, optional digest auth with one shared password. rtpengine
 * bridges media only when one leg is WebRTC (WS) and the other plain RTP
 * (sipp); WS ⇄ WS calls stay peer-to-peer. Calls to 2000 and to outside numbers
 * (7 digits or more: a callback to a citizen) go to the sipp UAS standing in for the PSTN gateway.
 * A request carrying `X-Rig-No-Media-Relay` skips rtpengine (to deliver a
 * deliberately broken SDP to the desk).
 */
export function kamailioConfig(o: KamailioConfigOptions): string {
  const auth = o.password === undefined ? '' : `
	if ((proto == WS || proto == WSS) && !is_method("ACK|CANCEL")) {
		$var(pw) = "${o.password.replace(/["\\$]/g, '')}";
		if (!pv_auth_check("$fd", "$var(pw)", "0", "1")) {
			auth_challenge("$fd", "1");
			exit;
		}
		if (!is_method("REGISTER")) {
			consume_credentials();
		}
	}`;
  return `#!KAMAILIO
#!define FLT_RTPE 7
#!define FLT_SRC_WS 8
#!define FLT_DST_WS 9

debug=2
log_stderror=yes
fork=yes
children=2
tcp_children=2
auto_aliases=no
# No "alias=127.0.0.1": without a port it would make every 127.0.0.1 URI (sipp's
# contact too) look like this proxy, and loose_route would take the desk's
# in-dialog requests for strict-routed ones and loop them back to itself.
alias=localhost

listen=udp:127.0.0.1:${o.sipPort}
listen=tcp:127.0.0.1:${o.wsPort}

tcp_accept_no_cl=yes
tcp_connection_lifetime=3605
tcp_rd_buf_size=16384

mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"

loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "sanity.so"
loadmodule "nathelper.so"
loadmodule "xhttp.so"
loadmodule "websocket.so"
loadmodule "sdpops.so"
loadmodule "rtpengine.so"
${o.password === undefined ? '' : 'loadmodule "auth.so"'}

modparam("tm", "failure_reply_mode", 3)
modparam("tm", "fr_timer", 30000)
modparam("tm", "fr_inv_timer", 120000)
modparam("rr", "enable_full_lr", 1)
modparam("rr", "append_fromtag", 1)
modparam("registrar", "method_filtering", 1)
modparam("registrar", "max_expires", 3600)
modparam("registrar", "gruu_enabled", 0)
modparam("usrloc", "db_mode", 0)
modparam("nathelper|registrar", "received_avp", "$avp(RECEIVED)")
modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:${o.rtpengineNgPort}")

request_route {
	if ($Rp == ${o.wsPort} && !(proto == WS || proto == WSS)) {
		sl_send_reply("403", "Forbidden");
		exit;
	}
	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}
	if (!sanity_check("1511", "7")) {
		xlog("L_WARN", "Malformed SIP message from $si:$sp\\n");
		exit;
	}
	if (is_method("OPTIONS") && uri == myself && $rU == $null) {
		options_reply();
		exit;
	}
	if (nat_uac_test(64)) {
		force_rport();
		if (is_method("REGISTER")) {
			fix_nated_register();
		} else if (!add_contact_alias()) {
			sl_send_reply("400", "Bad Request");
			exit;
		}
	}
	xlog("L_INFO", "REQ $rm $ru from $si:$sp/$proto cid=$ci\n");
	if (has_totag()) {
		if (loose_route()) {
			if ($du == "") {
				if (!handle_ruri_alias()) {
					sl_send_reply("400", "Bad Request");
					exit;
				}
			}
			route(MEDIA);
			route(RELAY);
		}
		if (is_method("ACK")) {
			if (t_check_trans()) {
				t_relay();
			}
			exit;
		}
		sl_send_reply("404", "Not Found");
		exit;
	}
	if (is_method("CANCEL")) {
		if (t_check_trans()) {
			route(MEDIA);
			t_relay();
		}
		exit;
	}
	t_check_trans();
${auth}
	remove_hf("Route");
	if (is_method("INVITE|SUBSCRIBE|REFER")) {
		record_route();
	}
	if (is_method("REGISTER")) {
		if (!save("location")) {
			sl_reply_error();
		}
		exit;
	}
	if ($rU == $null) {
		sl_send_reply("484", "Address Incomplete");
		exit;
	}
	if ($rU == "2000" || $rU =~ "^[0-9]{7,}$") {
		$ru = "sip:" + $rU + "@127.0.0.1:${o.gatewayPort}";
		route(MEDIA);
		route(RELAY);
	}
	if (!lookup("location")) {
		t_newtran();
		t_reply("404", "Not Found");
		exit;
	}
	route(MEDIA);
	route(RELAY);
}

route[RELAY] {
	if (is_method("INVITE|UPDATE|BYE|CANCEL|ACK|PRACK")) {
		t_on_reply("MANAGE_REPLY");
		t_on_failure("MANAGE_FAILURE");
	}
	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

route[MEDIA] {
	if (is_present_hf("X-Rig-No-Media-Relay")) {
		return;
	}
	if (proto == WS || proto == WSS) {
		setflag(FLT_SRC_WS);
	}
	if ($du =~ "transport=ws" || ($du == $null && $ru =~ "transport=ws")) {
		setflag(FLT_DST_WS);
	}
	if ((isflagset(FLT_SRC_WS) && !isflagset(FLT_DST_WS)) || (!isflagset(FLT_SRC_WS) && isflagset(FLT_DST_WS))) {
		setflag(FLT_RTPE);
	} else {
		return;
	}
	if (is_method("BYE|CANCEL")) {
		rtpengine_delete();
		return;
	}
	if (!has_body("application/sdp")) {
		return;
	}
	if (isflagset(FLT_DST_WS)) {
		rtpengine_offer("replace-origin replace-session-connection ICE=force DTLS=passive SDES-off transport-protocol=UDP/TLS/RTP/SAVPF rtcp-mux-offer generate-mid");
	} else {
		rtpengine_offer("replace-origin replace-session-connection ICE=remove DTLS=off SDES-off transport-protocol=RTP/AVP rtcp-mux-demux");
	}
}

onreply_route[MANAGE_REPLY] {
	if (isflagset(FLT_RTPE) && has_body("application/sdp")) {
		if (isflagset(FLT_SRC_WS)) {
			rtpengine_answer("replace-origin replace-session-connection ICE=force SDES-off transport-protocol=UDP/TLS/RTP/SAVPF rtcp-mux-require");
		} else {
			rtpengine_answer("replace-origin replace-session-connection ICE=remove DTLS=off SDES-off transport-protocol=RTP/AVP rtcp-mux-demux");
		}
	}
}

failure_route[MANAGE_FAILURE] {
	if (isflagset(FLT_RTPE) && is_method("INVITE")) {
		rtpengine_delete();
	}
}

onreply_route {
	if ($Rp == ${o.wsPort} && !(proto == WS || proto == WSS)) {
		drop;
	}
	if (nat_uac_test(64)) {
		add_contact_alias();
	}
}

event_route[xhttp:request] {
	set_reply_close();
	set_reply_no_connect();
	if ($Rp != ${o.wsPort}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}
	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		if (ws_handle_handshake()) {
			exit;
		}
	}
	xhttp_reply("404", "Not Found", "", "");
}
`;
}
