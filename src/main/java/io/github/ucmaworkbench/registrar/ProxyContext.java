package io.github.ucmaworkbench.registrar;

import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "response context" of RFC 3261 §16.7 for one proxied request: its server transaction, the
 * client transaction of every branch (one per contact; several contacts fork in parallel), and the
 * best final response seen so far. All methods are synchronized: branches answer on stack threads.
 */
final class ProxyContext {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyContext.class);

    /** One forwarded copy of the request (§16.6). */
    static final class Branch {
        final ProxyContext context;
        final String target;
        /** The registered contact this branch goes to; null for in-dialog requests. */
        final Binding binding;
        ClientTransaction transaction;
        boolean provisional;
        boolean done;
        boolean cancelPending;

        Branch(ProxyContext context, String target, Binding binding) {
            this.context = context;
            this.target = target;
            this.binding = binding;
        }
    }

    private final ProxyCore core;
    private final ServerTransaction server;
    private final Request original;
    private final boolean invite;
    private final List<Branch> branches = new ArrayList<>();
    private final long createdNanos = System.nanoTime();
    private boolean finalSent;
    private boolean canceled;
    private Response best;
    private int bestCode;
    private String bestReason;

    ProxyContext(ProxyCore core, ServerTransaction server, Request original) {
        this.core = core;
        this.server = server;
        this.original = original;
        this.invite = Request.INVITE.equals(original.getMethod());
    }

    synchronized Branch newBranch(String target, Binding binding) {
        Branch b = new Branch(this, target, binding);
        branches.add(b);
        return b;
    }

    long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    synchronized boolean isFinished() {
        return finalSent;
    }

    /** §16.7: a response arrived on one branch. */
    synchronized void onResponse(Branch branch, Response response) {
        int code = response.getStatusCode();
        if (code < 200) {
            branch.provisional = true;
            if (branch.cancelPending) {
                // §9.1: a CANCEL may only follow a provisional response; this is the first one.
                branch.cancelPending = false;
                core.branches().sendCancel(branch);
            }
            // §16.7 step 5: 100 Trying is hop-by-hop (we sent our own); others go upstream.
            if (code > 100 && !finalSent) {
                core.sendUpstream(server, ProxyCore.withoutOwnVia(response), false);
            }
            return;
        }
        if (branch.done && !invite) {
            // the same final twice: the valve and the transaction both delivered it (BranchForwarder)
            return;
        }
        branch.done = true;
        settled(branch);
        if (code < 300) {
            // Step 9/10: every 2xx is forwarded at once; the other branches are cancelled.
            boolean first = !finalSent;
            finalSent = true;
            core.contextFinished(this);
            core.sendUpstream(first ? server : null, ProxyCore.withoutOwnVia(response), true);
            if (invite) {
                cancelOthers(branch);
            }
            return;
        }
        if (finalSent) {
            return;
        }
        if (code >= 600 && invite) {
            cancelOthers(branch);
            // §16.7 step 5 says a 6xx ends the search. A branch that never answered cannot even be
            // cancelled yet (§9.1) and would hold the callee's decline back until Timer B (32 s):
            // stop waiting for it; it is cancelled if it ever rings, and dropped if it times out.
            for (Branch b : branches) {
                if (!b.done && !b.provisional) {
                    b.done = true;
                }
            }
        }
        remember(code, response.getReasonPhrase(), response);
        finishIfDone();
    }

    /** A branch ended without a response: timeout (408) or a transport failure (§16.7 step 6). */
    synchronized void onFailure(Branch branch, int code, String reason) {
        if (branch.done) {
            return;
        }
        branch.done = true;
        settled(branch);
        LOG.debug("branch to {} failed: {} {}", branch.target, code, reason);
        if (!finalSent) {
            remember(code, reason, null);
            finishIfDone();
        }
    }

    /**
     * A branch has its final outcome: nothing will be cancelled on it any more, so the context
     * (which an INVITE's server transaction keeps for the RI's linger, seconds after the call was
     * answered) stops holding its client transaction and, with it, the forwarded request.
     */
    private static void settled(Branch branch) {
        branch.cancelPending = false;
        branch.transaction = null;
    }

    /** §16.10: the caller cancelled; cancel every branch still pending. */
    synchronized void cancel() {
        canceled = true;
        for (Branch b : branches) {
            if (b.done || b.transaction == null) {
                continue;
            }
            if (b.provisional) {
                core.branches().sendCancel(b);
            } else {
                b.cancelPending = true;
            }
        }
    }

    private void cancelOthers(Branch winner) {
        for (Branch b : branches) {
            if (b != winner && !b.done && b.transaction != null) {
                if (b.provisional) {
                    core.branches().sendCancel(b);
                } else {
                    b.cancelPending = true;
                }
            }
        }
    }

    /** Step 6: prefer 6xx, then the lowest class; the first of equals wins. */
    private void remember(int code, String reason, Response response) {
        if (bestCode == 0 || rank(code) < rank(bestCode)) {
            bestCode = code;
            bestReason = reason;
            best = response;
        }
    }

    private static int rank(int code) {
        return code >= 600 ? 0 : code / 100;
    }

    private void finishIfDone() {
        for (Branch b : branches) {
            if (!b.done) {
                return;
            }
        }
        finalSent = true;
        core.contextFinished(this);
        Response out;
        if (canceled && invite && (best == null || bestCode == 408)) {
            out = core.createResponse(original, Response.REQUEST_TERMINATED, null);
        } else if (best == null) {
            out = core.createResponse(original, bestCode, bestReason);
        } else if (bestCode == 503) {
            // Step 6: a 503 from downstream must not make the caller think *we* are overloaded.
            out = core.createResponse(original, Response.SERVER_INTERNAL_ERROR, bestReason);
        } else {
            out = ProxyCore.withoutOwnVia(best);
        }
        core.sendUpstream(server, out, true);
    }
}
