import type { BcProduct } from '../../store/types';
import type { ImageModel } from '../models';
import type { GraphqlContext } from '../context';
import { boolArg, intArg, on, type ResolverMap } from './args';

/** A product's images, thumbnail first; relative sandbox paths become absolute against the request origin. */
export function productImages(ctx: GraphqlContext, product: BcProduct): ImageModel[] {
  return [...product.images]
    .sort((a, b) => Number(b.is_thumbnail) - Number(a.is_thumbnail) || a.sort_order - b.sort_order)
    .map((image) => ({ url: absolute(ctx, image.url_zoom), altText: image.description, isDefault: image.is_thumbnail }));
}

export function absolute(ctx: GraphqlContext, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${ctx.origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

export const imageResolvers: ResolverMap = {
  Image: {
    // BigCommerce's CDN resizes on the fly; the sandbox's SVG placeholders scale, so size is only echoed.
    url: on<ImageModel>((image, args) => {
      const width = intArg(args, 'width') ?? 0;
      const height = intArg(args, 'height');
      return `${image.url}?w=${width}${height === undefined ? '' : `&h=${height}`}${boolArg(args, 'lossy') ? '&lossy=1' : ''}`;
    }),
    urlOriginal: on<ImageModel>((image) => image.url),
  },
};
