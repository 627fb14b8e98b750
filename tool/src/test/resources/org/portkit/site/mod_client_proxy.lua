-- A stand-in for Jitsi's mod_client_proxy, written for portkit's tests: the real
-- one (jitsi-meet's resources/prosody-plugins) is out of reach where they run,
-- and Debian's prosody does not ship it. It does what the tests look at, as the
-- real one does: a client's request to the component goes to the target account,
-- from COMPONENT/<the client's JID, XEP-0106 escaped>, and the answer comes back;
-- the component knows the target only by the presence prosody gives it, which
-- needs the component in the target's roster. Without it: service-unavailable.
local jid = require "util.jid";
local st = require "util.stanza";

local target = module:get_option_string("target_address");
local available = {}; -- the target's full JIDs whose presence the component has

module:hook("presence/host", function(event)
	local stanza = event.stanza;
	local from = stanza.attr.from;
	if jid.bare(from) == target then
		if stanza.attr.type == nil then
			available[from] = true;
		elseif stanza.attr.type == "unavailable" then
			available[from] = nil;
		end
	end
	return true;
end);

-- Stanzas to the component and to COMPONENT/RESOURCE are both iq/host events.
module:hook("iq/host", function(event)
	local stanza = event.stanza;
	local _, _, resource = jid.split(stanza.attr.to);
	if resource then
		-- The target's answer, addressed to COMPONENT/<escaped client JID>.
		if jid.bare(stanza.attr.from) == target then
			local answer = st.clone(stanza);
			answer.attr.from = module.host;
			answer.attr.to = jid.unescape(resource);
			module:send(answer);
		end
		return true;
	end
	if stanza.attr.type == "result" or stanza.attr.type == "error" then
		return true;
	end
	local to = next(available);
	if not to then
		event.origin.send(st.error_reply(stanza, "cancel", "service-unavailable"));
		return true;
	end
	local forwarded = st.clone(stanza);
	forwarded.attr.from = module.host .. "/" .. jid.escape(stanza.attr.from);
	forwarded.attr.to = to;
	module:send(forwarded);
	return true;
end);
