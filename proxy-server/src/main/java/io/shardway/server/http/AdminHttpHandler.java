package io.shardway.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each admin request with its page: GET only, 404 for an unknown path, 405 for another
 * method, 400 for a request the codec could not decode. Pages are computed on the admin event loop:
 * they read state that is already in memory and never wait on a backend.
 */
@ChannelHandler.Sharable
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(AdminHttpHandler.class);

  private final AdminEndpoints endpoints;

  AdminHttpHandler(AdminEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    Answer answer;
    try {
      answer = answer(request);
    } catch (RuntimeException e) {
      log.warn("admin endpoint: {} {} failed", request.method(), request.uri(), e);
      answer = Answer.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n");
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    FullHttpResponse response = response(ctx, answer, request.protocolVersion());
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private Answer answer(FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      return Answer.text(HttpResponseStatus.BAD_REQUEST, "malformed request\n");
    }
    String path = new QueryStringDecoder(request.uri()).path();
    AdminEndpoints.Page page = endpoints.find(path);
    if (page == null) {
      return Answer.text(HttpResponseStatus.NOT_FOUND, "no page at " + path + "\n");
    }
    if (!HttpMethod.GET.equals(request.method())) {
      return Answer.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET is served here\n")
          .withHeader(HttpHeaderNames.ALLOW.toString(), HttpMethod.GET.name());
    }
    return page.answer(request.headers());
  }

  private static FullHttpResponse response(
      ChannelHandlerContext ctx, Answer answer, HttpVersion version) {
    ByteBuf body = ByteBufUtil.writeUtf8(ctx.alloc(), answer.body());
    FullHttpResponse response = new DefaultFullHttpResponse(version, answer.status(), body);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.headers().set(header.getKey(), header.getValue());
    }
    return response;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof ReadTimeoutException)) {
      log.debug("admin endpoint: connection from {} failed", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
